import asyncio

# Condition: wait() releases the lock and re-acquires it before returning; notify(n) wakes
# the first n waiters in FIFO order, each then queues for the lock; notify_all wakes all;
# notify with no waiters is a no-op; notified waiters run one at a time holding the lock.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    cond = asyncio.Condition()
    result = []

    async def c(i):
        await cond.acquire()
        print("waiting", i)
        res = await cond.wait()
        print("woke", i, res, cond.locked())
        result.append(i)
        return i

    ts = [asyncio.create_task(c(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    print("all waiting", result, r(cond))

    await cond.acquire()
    cond.notify()
    print("notified 1", r(cond))
    await asyncio.sleep(0)
    print("still held", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("after release", result, cond.locked(), r(cond))

    cond.notify(2)
    await asyncio.sleep(0)
    print("notify(2) while 1 holds", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("after release", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("after release", result, cond.locked())
    cond.release()
    print("done", [t.result() for t in ts], r(cond))

    print("-- notify(1) then notify(2048); each releases after waking")
    result.clear()
    async def d(i):
        async with cond:
            await cond.wait()
            result.append(i)
            print("d woke", i)
    ds = [asyncio.create_task(d(i)) for i in range(5)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        print("notify none extra", r(cond))
    await asyncio.sleep(0)
    print("after first", result)
    async with cond:
        cond.notify(0)
        cond.notify(-1)
        print("notify(0) and notify(-1)", r(cond))
    await asyncio.sleep(0)
    print("still", result)
    async with cond:
        cond.notify(1)
        cond.notify(2048)
    await asyncio.gather(*ds)
    print("order", result, r(cond))

    print("-- notify_all")
    result.clear()
    ds = [asyncio.create_task(d(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
        cond.notify_all()
        print("notified all", r(cond))
    await asyncio.gather(*ds)
    print("order", result)

    print("-- notify with no waiters")
    async with cond:
        cond.notify()
        cond.notify_all()
    print("no-op", r(cond))

    print("-- notify and wait without the lock")
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    print("loop still runs", await asyncio.sleep(0, "yes"))

asyncio.run(main())
