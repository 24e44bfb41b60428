# Gathers of gathers (and of shields and wait_for tasks): how a result or failure climbs the
# levels one iteration each (a tick chain marks the iterations), the order a cancellation of the
# outermost reaches the grandchildren, and what each level ends with when the levels disagree on
# return_exceptions (an inner gather ends with an exception that is a CancelledError, not
# cancelled, so the outer treats it as a failure).
import asyncio


def ticker(loop, n):
    def tick(i):
        print("  tick", i)
        if i < n:
            loop.call_soon(tick, i + 1)
    loop.call_soon(tick, 1)


def cb(label):
    def f(fut):
        if fut.cancelled():
            s = "cancelled"
        elif fut.exception() is not None:
            s = "exception " + type(fut.exception()).__name__ + " " + repr(str(fut.exception()))
        else:
            s = "result " + repr(fut.result())
        print("  cb", label, s)
    return f


async def leaf(name, n, exc=None):
    try:
        for _ in range(n):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  leaf", name, "cancelled", repr(str(e)))
        raise
    print("  leaf", name, "ends")
    if exc is not None:
        raise exc
    return name


def desc(x):
    return (type(x).__name__, str(x)) if isinstance(x, BaseException) else x


async def main():
    loop = asyncio.get_running_loop()

    print("-- a result climbs: one iteration per level")
    a = asyncio.create_task(leaf("a", 1))
    g1 = asyncio.gather(a)
    g2 = asyncio.gather(g1)
    g3 = asyncio.gather(g2, asyncio.sleep(0, "s"))
    for label, f in (("a", a), ("g1", g1), ("g2", g2), ("g3", g3)):
        f.add_done_callback(cb(label))
    ticker(loop, 6)
    print("g3", await g3)
    await asyncio.sleep(0)

    print("-- a failure climbs; the siblings at every level go on")
    b = asyncio.create_task(leaf("b", 1, ValueError("b")))
    c = asyncio.create_task(leaf("c", 4))
    d = asyncio.create_task(leaf("d", 5))
    g1 = asyncio.gather(b, c)
    g2 = asyncio.gather(g1, d)
    for label, f in (("g1", g1), ("g2", g2)):
        f.add_done_callback(cb(label))
    ticker(loop, 4)
    try:
        await g2
    except ValueError as e:
        print("g2 raised", repr(e))
    print("c", c.done(), "d", d.done())
    await d
    print("c", c.result(), "d", d.result())

    print("-- cancel the outermost: the order the cancellation reaches the leaves")
    leaves = [asyncio.create_task(leaf(n, 10)) for n in ("p", "q", "r", "s", "t")]
    f = loop.create_future()
    inner1 = asyncio.gather(leaves[0], leaves[1])
    inner2 = asyncio.gather(leaves[2], asyncio.gather(leaves[3], f))
    outer = asyncio.gather(inner2, inner1, leaves[4])
    for label, x in (("inner1", inner1), ("inner2", inner2), ("outer", outer), ("f", f)):
        x.add_done_callback(cb(label))
    await asyncio.sleep(0)
    print("cancel", outer.cancel("top"))
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer CancelledError", repr(str(e)))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("inner1", inner1.cancelled(), "inner2", inner2.cancelled(), "f", f.cancelled())

    print("-- inner return_exceptions=True, outer False: the inner's CancelledError is a failure")
    u = asyncio.create_task(leaf("u", 10))
    v = loop.create_future()
    v.set_result("v")
    inner = asyncio.gather(u, v, return_exceptions=True)
    outer = asyncio.gather(inner, asyncio.create_task(leaf("w", 3)))
    inner.add_done_callback(cb("inner"))
    outer.add_done_callback(cb("outer"))
    await asyncio.sleep(0)
    print("cancel inner", inner.cancel("inner msg"))
    try:
        await outer
    except asyncio.CancelledError as e:
        print("outer raised CancelledError", repr(str(e)), "outer.cancelled", outer.cancelled(),
              "inner.cancelled", inner.cancelled())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    print("-- inner return_exceptions=False, outer True: results hold the inner's error")
    x = asyncio.create_task(leaf("x", 10))
    y = asyncio.create_task(leaf("y", 1, ValueError("y")))
    inner = asyncio.gather(x, y)
    outer = asyncio.gather(inner, leaf("z", 2), return_exceptions=True)
    res = await outer
    print("outer results", [desc(r) for r in res])
    print("x still running", not x.done())
    x.cancel()
    res = await asyncio.gather(x, inner, return_exceptions=True)
    print("after", [desc(r) for r in res])

    print("-- both levels return_exceptions: cancel the outer with a message")
    m = asyncio.create_task(leaf("m", 10))
    n = loop.create_future()
    inner = asyncio.gather(m, n, return_exceptions=True)
    outer = asyncio.gather(asyncio.sleep(0, "first"), inner, return_exceptions=True)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel outer", outer.cancel("both"))
    try:
        print("result?", await outer)
    except asyncio.CancelledError as e:
        print("outer CancelledError", repr(str(e)), "outer.cancelled", outer.cancelled())
    print("inner", inner.done(), "cancelled", inner.cancelled(), desc(inner.exception()))

    print("-- a wait_for task and a shield inside a gather, the gather cancelled")
    k = asyncio.create_task(leaf("k", 10))
    wf = asyncio.ensure_future(asyncio.wait_for(leaf("wf", 10), 5))
    g = asyncio.gather(asyncio.shield(k), wf)
    await asyncio.sleep(0)
    print("cancel", g.cancel("g"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("g CancelledError", repr(str(e)))
    await asyncio.sleep(0)
    print("wf", wf.cancelled(), "k running", not k.done())
    k.cancel()
    await asyncio.gather(k, return_exceptions=True)
    print("loop still runs", await asyncio.gather(asyncio.gather(asyncio.gather(leaf("deep", 1)))))


asyncio.run(main())
