import asyncio

# Rate limiting with semaphores: (1) a concurrency limiter (Semaphore(2)) in front of eight
# requests that each take a few sleep(0) ticks; the trace shows entries, exits, the peak
# concurrency and the order the waiters got in (FIFO), with one waiter cancelled while queued,
# one cancelled inside, and one cancelled right after a release woke it (its unit passes to
# the next in line);
# (2) a token bucket: Semaphore(0) refilled by a timer every 200 ms, one token per refill, five
# clients waiting in line, one of them with a wait_for timeout that expires before its turn;
# (3) misuse: BoundedSemaphore released too often, Semaphore(-1), and the loop keeps working.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    print("-- concurrency limiter")
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]
    order = []

    async def request(i, ticks):
        try:
            async with sem:
                order.append(i)
                active.append(i)
                peak[0] = max(peak[0], len(active))
                print("  enter", i, "active", active, r(sem))
                try:
                    for _ in range(ticks):
                        await asyncio.sleep(0)
                finally:
                    active.remove(i)
                print("  leave", i, r(sem))
            return i * 10
        except asyncio.CancelledError as e:
            print("  request", i, "cancelled", repr(str(e)), "active", active, r(sem))
            raise

    ts = [asyncio.create_task(request(i, 1 + i % 3)) for i in range(8)]
    await asyncio.sleep(0)
    print("after first tick", r(sem), "locked", sem.locked())
    print("cancel queued 4 ->", ts[4].cancel("queued"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("tick 3", r(sem), "done", [t.done() for t in ts])
    print("cancel 2 inside ->", ts[2].cancel("inside"), "3 done", ts[3].done())
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("results", [type(x).__name__ if isinstance(x, BaseException) else x for x in res])
    print("entry order", order, "peak", peak[0], r(sem))

    print("-- a waiter cancelled right after a release woke it")
    await sem.acquire()
    await sem.acquire()
    w = [asyncio.create_task(request(i, 1), name="r%d" % i) for i in (8, 9, 10)]
    await asyncio.sleep(0)
    print("  queued", r(sem))
    sem.release()
    print("  released", r(sem), "cancel 8 ->", w[0].cancel("woken"))
    await asyncio.sleep(0)
    print("  next tick", r(sem), [t.done() for t in w])
    sem.release()
    res = await asyncio.gather(*w, return_exceptions=True)
    print("  results", [type(x).__name__ if isinstance(x, BaseException) else x for x in res], r(sem))

    print("-- token bucket")
    bucket = asyncio.Semaphore(0)
    served = []
    refills = [0]
    handle = [None]

    def refill():
        refills[0] += 1
        bucket.release()
        print("  refill", refills[0], r(bucket))
        if refills[0] < 6:
            handle[0] = loop.call_later(0.2, refill)

    async def client(name, timeout=None):
        try:
            if timeout is None:
                await bucket.acquire()
            else:
                await asyncio.wait_for(bucket.acquire(), timeout)
            served.append(name)
            print("  served", name, "after refill", refills[0])
            return name
        except asyncio.TimeoutError:
            print("  client", name, "gave up after refill", refills[0], r(bucket))
            return None

    handle[0] = loop.call_later(0.2, refill)
    cs = [asyncio.create_task(client("c%d" % i, 0.5 if i == 3 else None)) for i in range(5)]
    out = await asyncio.gather(*cs)
    print("clients", out, "served", served)
    await asyncio.sleep(0.3)
    print("bucket after the last refill", r(bucket), "locked", bucket.locked(), "refills", refills[0])
    handle[0].cancel()
    print("cancelled the refill timer; locked", bucket.locked())

    print("-- misuse")
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("  over-release:", type(e).__name__, str(e), r(b))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("  negative:", type(e).__name__, str(e))
    s0 = asyncio.Semaphore(0)
    try:
        await asyncio.wait_for(s0.acquire(), 0)
    except asyncio.TimeoutError:
        print("  acquire under wait_for(0) timed out", r(s0))
    s0.release()
    s0.release()
    print("  released twice", r(s0), await s0.acquire(), await s0.acquire(), r(s0))
    print("  alive", await asyncio.sleep(0, "yes"))

asyncio.run(main())
