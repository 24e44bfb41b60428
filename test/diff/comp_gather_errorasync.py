import asyncio

async def ok(name, delay, result):
    print("start", name)
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
    print("end", name)
    return result

async def bad(name, delay, exc):
    print("start", name)
    await asyncio.sleep(delay)
    print("raise", name)
    raise exc

async def main():
    # the first error propagates at once; the others are not cancelled and go on
    t1 = asyncio.create_task(ok("slow", 0.03, 1))
    t2 = asyncio.create_task(bad("b1", 0.005, ValueError("first")))
    t3 = asyncio.create_task(bad("b2", 0.015, TypeError("second")))
    g = asyncio.gather(t1, t2, t3)
    try:
        await g
    except Exception as e:
        print("gather raised", type(e).__name__, str(e))
    print("states", t1.done(), t2.done(), t3.done())
    print("g", g.done(), g.cancelled(), type(g.exception()).__name__)
    await asyncio.sleep(0.05)
    print("later states", t1.done(), t2.done(), t3.done())
    print("t1", t1.result(), "t3", repr(t3.exception()))

    # return_exceptions: errors become results, in argument order
    res = await asyncio.gather(
        ok("r1", 0.01, "x"),
        bad("r2", 0.001, RuntimeError("boom")),
        bad("r3", 0.005, ZeroDivisionError("zero")),
        ok("r4", 0.002, "y"),
        return_exceptions=True,
    )
    print("rx", [type(r).__name__ for r in res], [str(r) for r in res])

    # return_exceptions with a cancelled child: CancelledError is a result
    c = asyncio.create_task(ok("victim", 0.05, "never"))
    d = asyncio.create_task(ok("keeper", 0.01, "kept"))
    asyncio.get_running_loop().call_later(0.003, c.cancel)
    res = await asyncio.gather(c, d, return_exceptions=True)
    print("rc", [type(r).__name__ for r in res], [str(r) for r in res])

    # a synchronous error path: a future that already failed
    f = asyncio.get_running_loop().create_future()
    f.set_exception(OSError("io"))
    try:
        await asyncio.gather(f, ok("after", 0.001, 0))
    except OSError as e:
        print("already failed", type(e).__name__, str(e))
    await asyncio.sleep(0.01)

asyncio.run(main())
