import asyncio

# A map-reduce service in rounds over a Barrier: three workers compute a partial result per round
# (a few sleep(0) ticks), meet at the barrier (the arrival index decides who reduces: the last to
# arrive), and meet again so nobody starts the next round before the reduce. Then: a worker
# failing before the barrier makes the coordinator abort() it (every waiter gets
# BrokenBarrierError, the round is reported with gather(return_exceptions=True)), reset() and a
# rerun; a worker cancelled while waiting at the barrier (the count drops, the barrier is not
# broken) and replaced by a fresh one; a lone waiter under wait_for(0.15) that times out (the
# barrier stays usable), `async with barrier as i`, and reset() while tasks wait (they get
# BrokenBarrierError, the barrier is usable afterwards). The barrier's state (repr from the
# bracket on, n_waiting, broken) is traced throughout.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

def st(b):
    s = repr(b)
    return s[s.index("["):-1] + " n_waiting=%d broken=%s" % (b.n_waiting, b.broken)

async def main():
    bar = asyncio.Barrier(3)
    partial = {}
    totals = []

    async def worker(w, rounds, fail_at=None):
        for rnd in range(rounds):
            for _ in range((w * 2 + rnd) % 4):
                await asyncio.sleep(0)
            if rnd == fail_at:
                log.append("w%d fails in round %d" % (w, rnd))
                raise ValueError("w%d broke in round %d" % (w, rnd))
            partial[w] = (w + 1) * (rnd + 1)
            try:
                i = await bar.wait()
            except asyncio.BrokenBarrierError:
                log.append("w%d: barrier broken in round %d" % (w, rnd))
                raise
            log.append("w%d passes round %d as #%d" % (w, rnd, i))
            if i == bar.parties - 1:
                totals.append(sum(partial.values()))
                log.append("w%d reduces round %d -> %d" % (w, rnd, totals[-1]))
            await bar.wait()
        return "w%d done" % w

    print("-- three clean rounds")
    res = await asyncio.gather(*[worker(w, 3) for w in range(3)])
    flush("rounds")
    print(res, "totals", totals, st(bar))

    print("-- a worker fails; the coordinator aborts the barrier")
    partial.clear()
    ts = [asyncio.create_task(worker(w, 3, fail_at=1 if w == 1 else None), name="w%d" % w)
          for w in range(3)]

    def on_done(t):
        if not t.cancelled() and isinstance(t.exception(), ValueError):
            log.append("coordinator aborts after %s failed; %s" % (t.get_name(), st(bar)))
            asyncio.ensure_future(bar.abort())

    for t in ts:
        t.add_done_callback(on_done)
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("aborted")
    print([repr(r) for r in res], st(bar))
    try:
        await bar.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on a broken barrier ->", repr(e))
    await bar.reset()
    print("after reset", st(bar))
    res = await asyncio.gather(*[worker(w, 1) for w in range(3)])
    flush("rerun")
    print(res, "totals", totals, st(bar))

    print("-- a waiter cancelled at the barrier, then replaced")
    async def arrive(name):
        try:
            i = await bar.wait()
        except asyncio.CancelledError:
            log.append("%s cancelled at the barrier; %s" % (name, st(bar)))
            raise
        except asyncio.BrokenBarrierError:
            log.append("%s: broken" % name)
            raise
        log.append("%s passes as #%d" % (name, i))
        return i

    a = asyncio.create_task(arrive("a"))
    b = asyncio.create_task(arrive("b"))
    await asyncio.sleep(0)
    print("two waiting:", st(bar))
    print("cancel a ->", a.cancel("a left"))
    await asyncio.sleep(0)
    flush("a left")
    print("now", st(bar))
    c = asyncio.create_task(arrive("c"))
    d = asyncio.create_task(arrive("d"))
    res = await asyncio.gather(a, b, c, d, return_exceptions=True)
    flush("replaced")
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res], st(bar))

    print("-- a lone waiter times out; the barrier stays usable")
    try:
        await asyncio.wait_for(arrive("lone"), 0.15)
    except asyncio.TimeoutError as e:
        print("lone: TimeoutError", repr(str(e)))
    flush("lone")
    print("after timeout", st(bar))

    print("-- async with barrier as i")
    async def ctx(name):
        async with bar as i:
            log.append("%s inside as #%d, %s" % (name, i, st(bar)))
            await asyncio.sleep(0)
        log.append("%s out" % name)
        return i
    res = await asyncio.gather(ctx("x"), ctx("y"), ctx("z"))
    flush("with")
    print(res, st(bar))

    print("-- reset while two wait")
    e1 = asyncio.create_task(arrive("e1"))
    e2 = asyncio.create_task(arrive("e2"))
    await asyncio.sleep(0)
    print("waiting:", st(bar))
    await bar.reset()
    print("reset returned:", st(bar))
    res = await asyncio.gather(e1, e2, return_exceptions=True)
    flush("reset")
    print([type(r).__name__ for r in res], st(bar))
    res = await asyncio.gather(arrive("f1"), arrive("f2"), arrive("f3"))
    flush("after reset")
    print(res, st(bar))
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
