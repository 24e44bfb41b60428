import asyncio

# current_task() and all_tasks() at various moments: in call_soon / timer / done callbacks (None),
# in a task created by another task, before a task's first step, inside a finished task's done
# callback (no longer listed), for a task cancelled before its first step, and for a second loop
# that is not running (its tasks are listed by all_tasks(other), current_task(other) is None).

def names(tasks):
    return sorted(t.get_name() for t in tasks)

def cur(label):
    t = asyncio.current_task()
    print(label, "current:", None if t is None else t.get_name())

async def leaf(gate):
    cur("  leaf")
    return await gate

async def spawner(gate):
    cur("  spawner")
    inner = asyncio.create_task(leaf(gate), name="inner")
    inner.add_done_callback(lambda f: cur("  inner done-callback"))
    print("  spawner sees all_tasks", names(asyncio.all_tasks()))
    r = await inner
    cur("  spawner after await")
    return r

async def main():
    loop = asyncio.get_running_loop()
    global ot
    ot = other.create_task(leaf(other.create_future()), name="other-task")
    print("all_tasks(other)", names(asyncio.all_tasks(other)))
    print("current_task(other)", asyncio.current_task(other))
    print("current_task(loop) is main", asyncio.current_task(loop) is asyncio.current_task())
    print("all_tasks() excludes other", names(asyncio.all_tasks()))
    gate = loop.create_future()
    s = asyncio.create_task(spawner(gate), name="spawner")
    print("before first step", names(asyncio.all_tasks()))
    loop.call_soon(cur, "  call_soon callback")
    await asyncio.sleep(0)
    print("after one tick", names(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print("after two ticks", names(asyncio.all_tasks()))
    gate.set_result("opened")
    s.add_done_callback(lambda f: cur("  spawner done-callback"))
    print("spawner ->", await s)
    print("after spawner", names(asyncio.all_tasks()))
    loop.call_later(0.001, cur, "  timer callback")
    await asyncio.sleep(0.01)
    t = asyncio.create_task(leaf(gate), name="cancel-me")
    t.cancel()
    print("cancelled before start still listed", names(asyncio.all_tasks()), t.done())
    await asyncio.sleep(0)
    print("after its step", names(asyncio.all_tasks()), t.cancelled())
    # done callbacks of a task that finished: it is no longer listed inside them
    def listing(f):
        print("  inside done callback, listed:", f.get_name() in names(asyncio.all_tasks()))
    u = asyncio.create_task(asyncio.sleep(0), name="u")
    u.add_done_callback(listing)
    await u
    await asyncio.sleep(0)
    print("cancel other-task ->", ot.cancel(), ot.cancelling())

other = asyncio.new_event_loop()
ot = None
asyncio.run(main())
print("other before run", names(asyncio.all_tasks(other)), ot.done())
other.run_until_complete(asyncio.sleep(0))
print("other after run", names(asyncio.all_tasks(other)), ot.cancelled())
other.close()
