import asyncio

async def val(name, n=0, fail=False):
    for _ in range(n):
        await asyncio.sleep(0)
    print("run", name)
    if fail:
        raise ValueError(name)
    return name

def mark(loop, label):
    loop.call_soon(print, "tick", label)

async def main():
    loop = asyncio.get_running_loop()
    print("-- zero args")
    g = asyncio.gather()
    print("done", g.done(), "result", g.result(), "cancel", g.cancel(), "cancelled", g.cancelled())
    print("awaited", await g)
    g2 = asyncio.gather(return_exceptions=True)
    print("zero rx", g2.done(), g2.result())

    print("-- same task twice")
    t = asyncio.create_task(val("t", 1))
    g = asyncio.gather(t, t, return_exceptions=True)
    print("res", await g)

    print("-- same coroutine object twice")
    c = val("c", 1)
    g = asyncio.gather(c, val("d"), c)
    res = await g
    print("res", res)

    print("-- same failing task twice, return_exceptions")
    t = asyncio.create_task(val("bad", 0, True))
    res = await asyncio.gather(t, t, return_exceptions=True)
    print("res", res, res[0] is res[1])

    print("-- same failing task twice, no return_exceptions")
    t = asyncio.create_task(val("bad2", 0, True))
    try:
        await asyncio.gather(t, val("ok2", 2), t)
    except ValueError as e:
        print("raised", repr(e))
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- already-done futures")
    f1 = loop.create_future(); f1.set_result("one")
    f2 = loop.create_future(); f2.set_result("two")
    f3 = loop.create_future(); f3.set_exception(KeyError("k"))
    g = asyncio.gather(f2, f1, f2, f3, return_exceptions=True)
    print("g done right after", g.done())
    mark(loop, "A")
    g.add_done_callback(lambda f: print("g done callback"))
    mark(loop, "B")
    res = await g
    print("res", res)

    print("-- already-done futures, one cancelled")
    f1 = loop.create_future(); f1.set_result(1)
    f2 = loop.create_future(); f2.cancel("early")
    g = asyncio.gather(f1, f2)
    print("cancel returned", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("raised CancelledError", repr(str(e)), "g.cancelled", g.cancelled())
    g = asyncio.gather(f1, f2, return_exceptions=True)
    print("rx", await g)

    print("-- a reused (exhausted) coroutine")
    c = val("once")
    await c
    try:
        await asyncio.gather(c)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))

    print("-- duplicate done future + pending task")
    f = loop.create_future(); f.set_result("f")
    t = asyncio.create_task(val("late", 2))
    print("res", await asyncio.gather(f, t, f, t))

asyncio.run(main())
