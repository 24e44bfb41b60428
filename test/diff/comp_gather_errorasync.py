import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration) and by futures the main task
# releases, never by wall-clock time.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def ok(name, n, result, gate=None):
    print("start", name)
    try:
        if gate is not None:
            await gate
        await ticks(n)
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
    print("end", name)
    return result

async def bad(name, n, exc, gate=None):
    print("start", name)
    if gate is not None:
        await gate
    await ticks(n)
    print("raise", name)
    raise exc

async def main():
    loop = asyncio.get_running_loop()

    # the first error propagates at once; the others are not cancelled and go on
    gate_slow = loop.create_future()
    gate_b2 = loop.create_future()
    t1 = asyncio.create_task(ok("slow", 0, 1, gate_slow))
    t2 = asyncio.create_task(bad("b1", 2, ValueError("first")))
    t3 = asyncio.create_task(bad("b2", 0, TypeError("second"), gate_b2))
    g = asyncio.gather(t1, t2, t3)
    try:
        await g
    except Exception as e:
        print("gather raised", type(e).__name__, str(e))
    print("states", t1.done(), t2.done(), t3.done())
    print("g", g.done(), g.cancelled(), type(g.exception()).__name__)
    gate_b2.set_result(None)
    await ticks(2)
    gate_slow.set_result(None)
    await ticks(2)
    print("later states", t1.done(), t2.done(), t3.done())
    print("t1", t1.result(), "t3", repr(t3.exception()))

    # return_exceptions: errors become results, in argument order
    res = await asyncio.gather(
        ok("r1", 8, "x"),
        bad("r2", 1, RuntimeError("boom")),
        bad("r3", 5, ZeroDivisionError("zero")),
        ok("r4", 3, "y"),
        return_exceptions=True,
    )
    print("rx", [type(r).__name__ for r in res], [str(r) for r in res])

    # return_exceptions with a cancelled child: CancelledError is a result
    c = asyncio.create_task(ok("victim", 0, "never", loop.create_future()))
    d = asyncio.create_task(ok("keeper", 4, "kept"))
    loop.call_soon(c.cancel)
    res = await asyncio.gather(c, d, return_exceptions=True)
    print("rc", [type(r).__name__ for r in res], [str(r) for r in res])

    # a future that already failed
    f = loop.create_future()
    f.set_exception(OSError("io"))
    try:
        await asyncio.gather(f, ok("after", 1, 0))
    except OSError as e:
        print("already failed", type(e).__name__, str(e))
    await ticks(3)

asyncio.run(main())
