import asyncio

# A pipeline under a cancellation storm: producers put into a bounded queue while holding a
# semaphore unit, consumers take items under a lock and count them with task_done(), a barrier
# gathers the consumers; at fixed ticks main cancels a producer waiting on put(), a consumer
# waiting on get(), and a finished producer, then aborts the barrier and shuts the rest
# down. The trace records every step, the reprs at each tick and join() completing once every item
# fetched is marked done (a cancelled consumer marks its item done in finally).
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    q = asyncio.Queue(2)
    sem = asyncio.Semaphore(2)
    lock = asyncio.Lock()
    bar = asyncio.Barrier(3)

    async def producer(p):
        try:
            for i in range(3):
                async with sem:
                    await q.put([p, i])
                    log.append(("put", p, i))
            return "P%d" % p
        except asyncio.CancelledError:
            log.append(("producer cancelled", p))
            raise

    async def consumer(c):
        n = 0
        try:
            while n < 3:
                item = await q.get()
                try:
                    async with lock:
                        log.append(("take", c, item))
                        await asyncio.sleep(0)
                    n += 1
                finally:
                    q.task_done()
            i = await bar.wait()
            log.append(("barrier", c, i))
            return "C%d" % c
        except asyncio.CancelledError:
            log.append(("consumer cancelled", c, n))
            raise
        except asyncio.BrokenBarrierError:
            log.append(("broken", c))
            return "B%d" % c

    def flush(tag):
        print(tag, *log)
        print("   ", str(q), r(sem), r(lock), r(bar))
        log.clear()

    ps = [asyncio.create_task(producer(p)) for p in range(4)]
    cs = [asyncio.create_task(consumer(c)) for c in range(3)]
    for tick in range(1, 13):
        await asyncio.sleep(0)
        if tick == 2:
            ps[3].cancel()
        if tick == 3:
            cs[2].cancel()
        if tick == 5:
            ps[0].cancel()
        flush("tick %d" % tick)
    print("producers", [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ps])
    print("consumers", [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in cs])
    await bar.abort()
    for t in ps + cs:
        t.cancel()
    res = await asyncio.gather(*ps, *cs, return_exceptions=True)
    flush("shutdown")
    print("results", [type(x).__name__ if isinstance(x, BaseException) else x for x in res])
    while not q.empty():
        q.get_nowait()
        q.task_done()
    await q.join()
    print("joined", str(q))

asyncio.run(main())
