# Which composition functions turn coroutines into tasks (and so take a Task-N number), in which
# order those tasks start, which task each coroutine runs in (current_task), what ensure_future
# gives back for futures, tasks, gathers and shields, and one task awaited by many at once.
import asyncio


def name():
    t = asyncio.current_task()
    return None if t is None else t.get_name()


async def who(tag, n=0, result=None):
    print("  run", tag, "in", name())
    for _ in range(n):
        await asyncio.sleep(0)
    return tag if result is None else result


async def main():
    loop = asyncio.get_running_loop()
    print("main is", name())

    print("-- create_task, ensure_future, gather of coroutines")
    t = asyncio.create_task(who("a"))
    e = asyncio.ensure_future(who("b"))
    g = asyncio.gather(who("c"), who("d"), t, who("c2"))
    print("names", t.get_name(), e.get_name())
    print("gather res", await g, "e", await e)

    print("-- wait_for: no task without a timeout, a task with one; timeout 0 cancels it unstarted")
    print("res", await asyncio.wait_for(who("e"), None))
    print("res", await asyncio.wait_for(who("f"), 5))
    try:
        await asyncio.wait_for(who("f0"), 0)
    except asyncio.TimeoutError:
        print("wait_for(coro, 0): TimeoutError; the coroutine never ran")
    try:
        await asyncio.wait_for(who("fneg", 1), -1)
    except asyncio.TimeoutError:
        print("wait_for(coro, -1): TimeoutError")
    print("res", await asyncio.wait_for(asyncio.sleep(0, "slept"), 0.5))

    print("-- shield and as_completed of coroutines")
    print("res", await asyncio.shield(who("g")))
    for c in asyncio.as_completed([who("h", 1)]):
        print("res", await c)

    print("-- a task created in a callback, by another task, by a task before it starts")
    loop.call_soon(lambda: print("  callback sees", name(), "and creates", asyncio.ensure_future(who("j")).get_name()))

    async def creator():
        print("  creator", name(), "creates", asyncio.create_task(who("k")).get_name())
        return "creator"
    c1 = asyncio.create_task(creator())
    c2 = asyncio.create_task(who("l"))
    print("created", c1.get_name(), c2.get_name())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    print("-- ensure_future gives futures back as they are")
    f = loop.create_future()
    gg = asyncio.gather(f)
    sh = asyncio.shield(f)
    tt = asyncio.create_task(who("m"))
    print(asyncio.ensure_future(f) is f, asyncio.ensure_future(gg) is gg,
          asyncio.ensure_future(sh) is sh, asyncio.ensure_future(tt) is tt,
          asyncio.ensure_future(tt, loop=loop) is tt)
    f.set_result("F")
    print("gg", await gg, "sh", await sh, "tt", await tt)

    print("-- one task awaited by two tasks, a gather, a wait and a wait_for at once")
    target = asyncio.create_task(who("target", 2, "T"), name="target")

    async def awaiter(tag):
        r = await target
        print("  awaiter", tag, "got", r, "in", name())
        return r
    a1 = asyncio.create_task(awaiter("x"), name="x")
    a2 = asyncio.create_task(awaiter("y"), name="y")
    g = asyncio.gather(target, target)
    g.add_done_callback(lambda _: print("  gather done"))
    target.add_done_callback(lambda _: print("  user callback on target"))
    w = asyncio.ensure_future(asyncio.wait([target]))
    wf = asyncio.ensure_future(asyncio.wait_for(target, 5))
    print("wrappers", w.get_name(), wf.get_name())
    await asyncio.sleep(0)
    print("results", await g, await a1, await a2, len((await w)[0]), await wf)

    print("-- the same coroutine function, many coroutines: each its own task")
    ts = [asyncio.ensure_future(who("n%d" % i)) for i in range(3)]
    print("names", [x.get_name() for x in ts])
    print("res", await asyncio.gather(*ts, *ts))
    print("tasks left", sorted(x.get_name() for x in asyncio.all_tasks()))


asyncio.run(main())
