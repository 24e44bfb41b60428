import asyncio

# wait() and as_completed() with edge timeouts (0, -1, -inf, -0.0, tiny, inf): which futures count
# as done when the deadline is already due, whether tasks created just before get to run first,
# and how many loop iterations the call takes (a call_soon ticker counts them).
INF = float("inf")


async def main():
    loop = asyncio.get_running_loop()
    st = {"n": 0, "on": True}

    def tick():
        st["n"] += 1
        if st["on"]:
            loop.call_soon(tick)

    loop.call_soon(tick)
    await asyncio.sleep(0)

    async def job(v, k):
        for _ in range(k):
            await asyncio.sleep(0)
        return v

    def names(fs):
        return sorted(f.get_name() for f in fs)

    def mk():
        done = loop.create_future()
        done.set_result("done")
        return [
            asyncio.create_task(job("k0", 0), name="k0"),
            asyncio.create_task(job("k1", 1), name="k1"),
            asyncio.create_task(job("k3", 3), name="k3"),
        ], done

    print("-- wait(timeout=...) on tasks created just before")
    for t in (0, -1, -INF, -0.0, 1e-9, 5e-324, INF, None):
        for rw in (asyncio.ALL_COMPLETED, asyncio.FIRST_COMPLETED):
            ts, _ = mk()
            n0 = st["n"]
            done, pending = await asyncio.wait(ts, timeout=t, return_when=rw)
            print(" ", repr(t), rw, "done", names(done), "pending", names(pending), "ticks", st["n"] - n0)
            await asyncio.gather(*ts)

    print("-- wait(timeout=...) on a finished future and a pending one")
    for t in (0, -INF, 1e-9, 5e-324):
        f_done = loop.create_future()
        f_done.set_result(1)
        f_pend = loop.create_future()
        n0 = st["n"]
        done, pending = await asyncio.wait([f_done, f_pend], timeout=t)
        print(" ", repr(t), "done", len(done), f_done in done, "pending", len(pending), f_pend in pending,
              "ticks", st["n"] - n0)
        f_pend.cancel()

    print("-- wait(timeout=inf) until the pending one is set later")
    f_pend = loop.create_future()
    loop.call_later(0.002, f_pend.set_result, "late")
    done, pending = await asyncio.wait([f_pend], timeout=INF)
    print("  done", [f.result() for f in done], "pending", len(pending))

    print("-- as_completed(timeout=...)")
    for t in (0, -1, -INF, 1e-9, INF, None):
        ts, fdone = mk()
        n0 = st["n"]
        got = []
        for aw in asyncio.as_completed([fdone] + ts, timeout=t):
            try:
                got.append(await aw)
            except TimeoutError:
                got.append("Timeout")
            got.append(st["n"] - n0)
        print(" ", repr(t), got)
        await asyncio.gather(*ts)

    print("-- as_completed(timeout=0) with everything already finished")
    fs = []
    for v in ("a", "b", "c"):
        f = loop.create_future()
        f.set_result(v)
        fs.append(f)
    n0 = st["n"]
    got = []
    for aw in asyncio.as_completed(fs, timeout=0):
        try:
            got.append(await aw)
        except TimeoutError:
            got.append("Timeout")
    print(" ", sorted(got), "ticks", st["n"] - n0)

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
