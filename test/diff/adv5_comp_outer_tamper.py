# Hostile use of the futures the composition functions hand out: set_result / set_exception on
# gather's outer while its children run, on a shield's outer while the inner runs (shield's
# callback on the inner goes one iteration later), a child cancelled after its gather was
# settled from outside; return_exceptions given as any truthy or falsy value (asyncio tests its
# truth); an as_completed coroutine awaited twice. The children's failures after the outer is
# settled count as retrieved; the loop goes on.
import asyncio
import re


def r(x):
    return re.sub(r"( running)? at [^ ]+:\d+", "", repr(x))


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


def handler(loop, ctx):
    print("  handler:", ctx["message"], repr(ctx.get("exception")))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    print("-- set_result on gather's outer while its children run")
    a = asyncio.create_task(leaf("a", 2, ValueError("a")), name="a")
    b = asyncio.create_task(leaf("b", 3), name="b")
    g = asyncio.gather(a, b)
    g.add_done_callback(lambda f: print("  g callback", f.result()))
    g.set_result("mine")
    print("g", r(g), "cancel", g.cancel("late"))
    print("await g", await g)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("a", a.done(), "b", b.done(), "b cancelled", b.cancelled())
    await b

    print("-- set_exception on gather's outer (return_exceptions)")
    a = asyncio.create_task(leaf("a2", 1), name="a2")
    g = asyncio.gather(a, return_exceptions=True)
    g.set_exception(KeyError("outer"))
    try:
        await g
    except KeyError as e:
        print("await g", repr(e))
    print("a2", await a)

    print("-- set_result twice, cancel after: InvalidStateError, False")
    g = asyncio.gather(loop.create_future())
    g.set_result(1)
    try:
        g.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", repr(str(e)))
    print("cancel", g.cancel(), "result", g.result())

    print("-- a child cancelled after its gather was settled from outside")
    f = loop.create_future()
    g = asyncio.gather(f)
    g.set_result("outside")
    f.cancel("child msg")
    await asyncio.sleep(0)
    print("f", f.cancelled(), "g", g.result())

    print("-- set_result on a shield's outer while the inner runs")
    t = asyncio.create_task(leaf("t", 2, ValueError("t")), name="t")
    s = asyncio.shield(t)
    s.set_result("early")
    print("s", await s, "t", r(t))
    await asyncio.sleep(0)
    print("t", r(t))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t done", t.done(), repr(t.exception()))

    print("-- set_exception on a shield's outer; the inner's result goes nowhere")
    t = asyncio.create_task(leaf("t2", 1), name="t2")
    s = asyncio.shield(t)
    s.set_exception(ValueError("shield outer"))
    try:
        await s
    except ValueError as e:
        print("await s", repr(e))
    print("t2", await t)

    print("-- return_exceptions by truth")
    for rx in (1, 0, "yes", "", None, 2.5, True, False):
        try:
            res = await asyncio.gather(leaf("x", 0, ValueError("x")), asyncio.sleep(0, "s"), return_exceptions=rx)
            print(repr(rx), "->", res)
        except ValueError as e:
            print(repr(rx), "raised", repr(e))
        await asyncio.sleep(0)

    print("-- an as_completed coroutine awaited twice")
    fs = asyncio.as_completed([asyncio.sleep(0, "one")])
    c = next(iter(fs))
    print("first", await c)
    try:
        await c
    except RuntimeError as e:
        print("second: RuntimeError", repr(str(e)))
    print("exhausted", list(fs))

    print("-- the loop goes on")
    print(await asyncio.gather(leaf("end", 1), asyncio.shield(leaf("sh", 1))))


asyncio.run(main())
