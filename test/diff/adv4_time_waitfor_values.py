import asyncio

# wait_for() with edge timeouts: 0, -1, -inf (cancel at once, the coroutine never starts), tiny
# (a timer due at the next iteration), inf and None (no deadline), on coroutines, done futures,
# failed futures, tasks that resist cancellation; the number of loop iterations each takes.
INF = float("inf")


class AppError(Exception):
    pass


async def main():
    loop = asyncio.get_running_loop()
    st = {"n": 0, "on": True}

    def tick():
        st["n"] += 1
        if st["on"]:
            loop.call_soon(tick)

    loop.call_soon(tick)
    await asyncio.sleep(0)

    started = []

    async def quick(v):
        started.append(v)
        return v

    async def slow(v, k):
        started.append(v)
        for _ in range(k):
            await asyncio.sleep(0)
        return v

    async def holdout(v):
        started.append(v)
        try:
            await asyncio.sleep(INF)
        except asyncio.CancelledError:
            return "holdout " + v

    async def failing(v):
        started.append(v)
        raise AppError(v)

    async def attempt(label, make, timeout):
        started.clear()
        n0 = st["n"]
        try:
            r = await asyncio.wait_for(make(), timeout)
            out = "-> " + repr(r)
        except TimeoutError as e:
            out = "TimeoutError cause=" + type(e.__cause__).__name__
        except AppError as e:
            out = "AppError " + repr(str(e))
        print(label, out, "started", started, "ticks", st["n"] - n0)

    print("-- coroutines")
    for t in (0, -1, -INF, -0.0):
        await attempt("quick, timeout %r" % t, lambda: quick("q"), t)
    for t in (1e-9, 5e-324):
        await attempt("quick, timeout %r" % t, lambda: quick("q"), t)
        await attempt("slow1, timeout %r" % t, lambda: slow("s1", 1), t)
        await attempt("slow2, timeout %r" % t, lambda: slow("s2", 2), t)
        await attempt("failing, timeout %r" % t, lambda: failing("f"), t)
    for t in (INF, None, 1e300):
        await attempt("slow3, timeout %r" % t, lambda: slow("s3", 3), t)
        await attempt("failing, timeout %r" % t, lambda: failing("f"), t)

    print("-- futures")

    def done_fut(v):
        f = loop.create_future()
        f.set_result(v)
        return f

    def failed_fut(v):
        f = loop.create_future()
        f.set_exception(AppError(v))
        return f

    def later_fut(v):
        f = loop.create_future()

        def settle():
            if not f.done():
                f.set_result(v)

        loop.call_soon(settle)
        return f

    for t in (0, -INF, 1e-9, INF, None):
        await attempt("done future, timeout %r" % t, lambda: done_fut("d"), t)
        await attempt("failed future, timeout %r" % t, lambda: failed_fut("x"), t)
        await attempt("future set next iteration, timeout %r" % t, lambda: later_fut("l"), t)

    print("-- tasks already running")
    for t in (0, -1, 1e-9):
        task = asyncio.create_task(holdout("st"))
        await asyncio.sleep(0)
        await attempt("holdout task, timeout %r" % t, lambda: task, t)
        task = asyncio.create_task(slow("s4", 4))
        await asyncio.sleep(0)
        await attempt("slow task, timeout %r" % t, lambda: task, t)
        print("  task cancelled", task.cancelled())

    print("-- wait_for(sleep(inf), inf) cancelled from outside")
    async def waiter():
        try:
            await asyncio.wait_for(asyncio.sleep(INF), INF)
        except asyncio.CancelledError as e:
            print("  waiter got CancelledError", repr(e.args))
            raise

    w = asyncio.create_task(waiter())
    for _ in range(3):
        await asyncio.sleep(0)
    w.cancel("outer")
    try:
        await w
    except asyncio.CancelledError:
        print("  waiter cancelled", w.cancelled())

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
