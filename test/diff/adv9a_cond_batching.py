import asyncio

# Condition-based batching: producers append to a buffer under the condition and notify; a
# batcher waits (wait_for with a predicate) until three items are buffered or the stream is
# closed and flushes them as a batch; a second batcher flushes a partial batch when a latency
# budget expires (asyncio.wait_for around cond.wait_for inside `async with cond`: the inner task
# re-acquires the lock before the timeout is reported). notify(0), notify(-1), notify(2.5) and
# notify_all() wake 0, 0, 3 and all waiters; a predicate that raises; wait() and notify() without
# the lock; a waiter cancelled after notify() woke it (the wake-up is not passed on, as asyncio's
# Condition does not); the trace shows every append, wake-up, batch and the lock's state.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []

    def flush(tag):
        print(tag, "|", "; ".join(log))
        log.clear()

    print("-- size-triggered batches")
    cond = asyncio.Condition()
    buf = []
    closed = [False]
    batches = []

    async def producer(p, items):
        for x in items:
            async with cond:
                buf.append(x)
                log.append("p%d appends %r (buf %d)" % (p, x, len(buf)))
                cond.notify()
            await asyncio.sleep(0)
        log.append("p%d done" % p)

    async def batcher():
        while True:
            async with cond:
                await cond.wait_for(lambda: len(buf) >= 3 or closed[0])
                if not buf and closed[0]:
                    log.append("batcher sees close")
                    return len(batches)
                batch, buf[:] = buf[:3], buf[3:]
                batches.append(batch)
                log.append("batch %r (left %d)" % (batch, len(buf)))

    b = asyncio.create_task(batcher())
    ps = [asyncio.create_task(producer(p, ["%s%d" % ("abc"[p], i) for i in range(4)])) for p in range(3)]
    tick = 0
    while not all(p.done() for p in ps):
        await asyncio.sleep(0)
        tick += 1
        flush("tick %d" % tick)
    async with cond:
        closed[0] = True
        cond.notify_all()
        log.append("main closes, lock %s" % cond.locked())
    print("batcher ->", await b)
    flush("closed")
    print("batches", batches)

    print("-- latency-bounded batches")
    cond = asyncio.Condition()
    buf = []

    async def timed_batcher():
        out = []
        for rnd in range(3):
            async with cond:
                try:
                    await asyncio.wait_for(cond.wait_for(lambda: len(buf) >= 3), 0.3)
                    why = "full"
                except asyncio.TimeoutError:
                    why = "timeout"
                log.append("round %d %s, lock %s, buf %r" % (rnd, why, cond.locked(), buf))
                out.append((why, buf[:3]))
                del buf[:3]
        return out

    tb = asyncio.create_task(timed_batcher())
    await asyncio.sleep(0)
    for x in "xyz":
        async with cond:
            buf.append(x)
            cond.notify()
    await asyncio.sleep(0.05)
    flush("after three")
    async with cond:
        buf.append("w")
        cond.notify()
    await asyncio.sleep(0.1)
    flush("0.15 s later")
    print("timed batcher ->", await tb)
    flush("end")

    print("-- notify counts")
    cond = asyncio.Condition()
    woken = []

    async def waiter(i):
        async with cond:
            try:
                await cond.wait()
                woken.append(i)
                return i
            except asyncio.CancelledError:
                log.append("waiter %d cancelled, lock held by it: %s" % (i, cond.locked()))
                raise

    ws = [asyncio.create_task(waiter(i)) for i in range(8)]
    await asyncio.sleep(0)
    for n in (0, -1, 2.5):
        async with cond:
            cond.notify(n)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("notify(%r) woke" % n, woken, r(cond))
        woken.clear()
    async with cond:
        cond.notify(1)
    ws[3].cancel("late")
    ws[4].cancel("queued")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    flush("notify(1) + cancel the woken one and a queued one: woke %r" % woken)
    woken.clear()
    async with cond:
        cond.notify_all()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("notify_all woke", woken, "results", [type(x).__name__ if isinstance(x, BaseException) else x for x in res], r(cond))

    print("-- misuse")
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify without lock:", type(e).__name__, str(e))
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait without lock:", type(e).__name__, str(e))

    def bad_pred():
        raise ValueError("predicate broke")
    try:
        async with cond:
            await cond.wait_for(bad_pred)
    except ValueError as e:
        print("predicate raised", repr(e), "lock", cond.locked())
    calls = []

    def counting():
        calls.append(len(calls))
        return len(calls) >= 3
    async def nudger():
        for _ in range(4):
            async with cond:
                cond.notify()
            await asyncio.sleep(0)
    nt = asyncio.create_task(nudger())
    async with cond:
        print("wait_for returns", await cond.wait_for(counting), "after", len(calls), "predicate calls")
    await nt
    print("alive", await asyncio.sleep(0, "yes"), r(cond))

asyncio.run(main())
