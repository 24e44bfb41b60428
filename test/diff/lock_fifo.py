import asyncio

# Lock fairness: waiters acquire in FIFO order; a released lock is not stolen by a newcomer
# while the woken waiter has not run yet; locked() and repr on the way.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    lock = asyncio.Lock()
    print("initial", lock.locked(), r(lock))
    print("acquire", await lock.acquire(), lock.locked(), r(lock))

    order = []
    async def worker(name, hold):
        print("want", name)
        res = await lock.acquire()
        print("got", name, res)
        order.append(name)
        for _ in range(hold):
            await asyncio.sleep(0)
        print("release", name)
        lock.release()
        return name

    tasks = [asyncio.create_task(worker(n, h)) for n, h in (("a", 1), ("b", 0), ("c", 2))]
    await asyncio.sleep(0)
    print("waiting", r(lock))
    lock.release()
    print("released", lock.locked(), r(lock))
    # A newcomer arriving now must queue behind the woken waiter.
    late = asyncio.create_task(worker("late", 0))
    # Acquire attempt from main while the first waiter is woken but has not run.
    grab = asyncio.create_task(lock.acquire())
    for i in range(8):
        await asyncio.sleep(0)
        print("tick", i, lock.locked(), order)
    print("results", await asyncio.gather(*tasks, late))
    print("grab done", grab.done(), grab.result() if grab.done() else None, r(lock))
    lock.release()
    print("final", r(lock))

    print("-- many waiters keep order")
    seen = []
    async def quick(i):
        async with lock:
            seen.append(i)
            await asyncio.sleep(0)
    await lock.acquire()
    ts = [asyncio.create_task(quick(i)) for i in range(10)]
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(*ts)
    print("seen", seen, r(lock))

asyncio.run(main())
