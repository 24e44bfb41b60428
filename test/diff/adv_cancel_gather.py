import asyncio

# Cancellation reaching tasks that wait on gather(), and gather(return_exceptions=True) over
# children cancelled in different ways. Every step happens after a fixed number of sleep(0) ticks.


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def child(name, swallow=False):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        if swallow:
            return name + "-swallowed"
        raise
    return name


async def quick(v):
    return v


async def waiter(name, g):
    try:
        r = await g
        print(name, "got", r)
        return r
    except asyncio.CancelledError as e:
        print(name, "raised", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        raise


def desc(x):
    if isinstance(x, BaseException):
        return type(x).__name__ + "(" + repr(str(x)) + ")"
    return repr(x)


def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return "error " + desc(f.exception())
    return "result " + repr(f.result())


async def main():
    loop = asyncio.get_running_loop()

    print("-- the waiting task is cancelled with a message")
    a = asyncio.create_task(child("a1"))
    b = asyncio.create_task(child("b1"))
    g = asyncio.gather(a, b)
    w = asyncio.create_task(waiter("w1", g))
    await ticks(1)
    print("cancel w ->", w.cancel("stop-w"), "cancelling", w.cancelling())
    print("g done", g.done(), "a cancelling", a.cancelling(), "b cancelling", b.cancelling())
    try:
        await w
    except asyncio.CancelledError as e:
        print("main: w", repr(str(e)), w.cancelled())
    print("g", state(g), "a", state(a), "b", state(b))

    print("-- the same with return_exceptions")
    a = asyncio.create_task(child("a2"))
    b = asyncio.create_task(child("b2"))
    g = asyncio.gather(a, b, return_exceptions=True)
    w = asyncio.create_task(waiter("w2", g))
    await ticks(1)
    print("cancel w ->", w.cancel("stop-w2"))
    try:
        await w
    except asyncio.CancelledError as e:
        print("main: w2", repr(str(e)), w.cancelled())
    print("g", state(g))

    print("-- children cancelled directly, return_exceptions")
    t1 = asyncio.create_task(child("t1"))
    t2 = asyncio.create_task(child("t2"))
    t3 = asyncio.create_task(quick(3))
    f = loop.create_future()
    t4 = asyncio.create_task(child("t4"))
    t4.cancel("before start")
    g = asyncio.gather(t1, t2, t3, f, t4, return_exceptions=True)
    await ticks(1)
    t1.cancel("one")
    f.cancel("fut")
    await ticks(1)
    t2.cancel()
    res = await g
    print("results", [desc(r) for r in res])
    print("t1 cancelled", t1.cancelled(), "t4 cancelled", t4.cancelled())

    print("-- a child swallows the gather's cancellation")
    a = asyncio.create_task(child("a3", swallow=True))
    b = asyncio.create_task(child("b3", swallow=True))
    g = asyncio.gather(a, b)
    await ticks(1)
    print("cancel g ->", g.cancel("stop-g"), "done", g.done())
    try:
        await g
    except asyncio.CancelledError as e:
        print("main: g raised", repr(str(e)), "cancelled", g.cancelled())
    print("a", state(a), "b", state(b))

    print("-- one child swallows, return_exceptions")
    a = asyncio.create_task(child("a4", swallow=True))
    b = asyncio.create_task(child("b4"))
    g = asyncio.gather(a, b, return_exceptions=True)
    await ticks(1)
    print("cancel g ->", g.cancel("stop-g4"))
    try:
        print("g4 result", await g)
    except asyncio.CancelledError as e:
        print("main: g4 raised", repr(str(e)))

    print("-- cancel the gather twice")
    a = asyncio.create_task(child("a5"))
    g = asyncio.gather(a)
    await ticks(1)
    print("first", g.cancel("first"), "second", g.cancel("second"), "a cancelling", a.cancelling())
    try:
        await g
    except asyncio.CancelledError as e:
        print("main: g5 raised", repr(str(e)))
    print("cancel after done", g.cancel("third"))

    print("-- cancel a gather whose children are all done")
    a = asyncio.create_task(quick(1))
    b = asyncio.create_task(quick(2))
    g = asyncio.gather(a, b)
    print("cancel before they ran ->", g.cancel("early"))
    try:
        print("g6", await g)
    except asyncio.CancelledError as e:
        print("main: g6 raised", repr(str(e)), "a", state(a), "b", state(b))
    a = asyncio.create_task(quick(1))
    await ticks(1)
    g = asyncio.gather(a, a)
    print("cancel done children ->", g.cancel("late"))
    print("g7", await g)


asyncio.run(main())
