import asyncio

# Semaphore: the counter, locked(), FIFO hand-over (release() hands a unit to the first
# waiter, so a newcomer does not barge in), several releases at once, bounded concurrency.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    print("zero", asyncio.Semaphore(0).locked(), r(asyncio.Semaphore(0)))
    sem = asyncio.Semaphore(3)
    print("initial", r(sem))
    print(await sem.acquire(), await sem.acquire(), sem.locked(), r(sem))
    result = []

    async def c(i):
        await sem.acquire()
        result.append(i)
        print("acquired", i, r(sem))
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print("after start", result, sem.locked(), r(sem))
    t4 = asyncio.create_task(c(4))
    sem.release()
    sem.release()
    print("two releases", r(sem))
    await asyncio.sleep(0)
    print("after tick", result, r(sem), [t.done() for t in (t1, t2, t3, t4)])
    sem.release()
    await asyncio.gather(t1, t2, t3, t4)
    print("all", result, r(sem))

    print("-- fifo order: a releasing task re-queues behind the others")
    sem = asyncio.Semaphore(1)
    result = []
    async def d1():
        await sem.acquire()
        result.append(1)
    async def d2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
    async def d3():
        await sem.acquire()
        result.append(3)
    ts = [asyncio.create_task(d()) for d in (d1, d2, d3)]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.gather(*ts)
    print("order", result, r(sem))

    print("-- bounded concurrency")
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]
    log = []
    async def job(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            log.append(("start", i, len(active)))
            for _ in range(i % 3 + 1):
                await asyncio.sleep(0)
            active.remove(i)
            log.append(("end", i))
        return i
    print("jobs", await asyncio.gather(*(job(i) for i in range(7))))
    print("peak", peak[0])
    print("log", log)
    print("final", r(sem))

    print("-- newcomer vs woken waiter")
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    w = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()        # hands the unit to w
    print("after release", sem.locked(), r(sem))
    nc = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("w", w.done(), "newcomer", nc.done(), r(sem))
    sem.release()
    await nc
    print("newcomer done", r(sem))

asyncio.run(main())
