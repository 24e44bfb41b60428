import asyncio

# loop.create_task overridden on the loop: asyncio's create_task, ensure_future, gather, wait_for,
# shield, TaskGroup.create_task and run_until_complete all make their tasks through it (a task
# factory in effect); names are set on the task it returns.
loop = asyncio.new_event_loop()
orig = loop.create_task
made = []

def ct(coro, **kw):
    made.append(coro.__name__)
    print("  override create_task", kw)
    return orig(coro, **kw)

loop.create_task = ct

async def f(x):
    await asyncio.sleep(0)
    return x

print("ensure_future")
fut = asyncio.ensure_future(f(1), loop=loop)
print("  a task:", isinstance(fut, asyncio.Task))

async def main():
    print("create_task")
    t = asyncio.create_task(f(2), name="two")
    print("  name:", t.get_name())
    print("gather")
    print("  result:", await asyncio.gather(f(3), f(4)))
    print("task group")
    async with asyncio.TaskGroup() as tg:
        t5 = tg.create_task(f(5), name="five")
    print("  result:", t5.result(), t5.get_name())
    print("wait_for")
    print("  result:", await asyncio.wait_for(f(6), 5))
    print("shield")
    print("  result:", await asyncio.shield(f(7)))
    print("a future passes through")
    g = loop.create_future()
    g.set_result(8)
    print("  same:", asyncio.ensure_future(g) is g, await asyncio.gather(g))
    print("results:", await t, await fut)

print("run_until_complete")
loop.run_until_complete(main())
print("tasks made through the override:", made)
loop.close()
