import asyncio

# Lock cancellation: a waiter cancelled while waiting leaves the queue; cancellation racing
# with the wake-up (woken and cancelled in the same iteration) passes the lock on: no lost
# wake-up, no double acquisition.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel while waiting")
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    loop.call_soon(t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), r(lock))
    lock.release()
    print("after", r(lock))

    print("-- cancel race: B cancelled while A releases")
    lock = asyncio.Lock()
    async def lockit(name, blocker):
        await lock.acquire()
        print("acquired", name)
        try:
            if blocker is not None:
                await blocker
        finally:
            print("release", name)
            lock.release()
    fa = loop.create_future()
    ta = asyncio.create_task(lockit("A", fa))
    await asyncio.sleep(0)
    tb = asyncio.create_task(lockit("B", None))
    await asyncio.sleep(0)
    tc = asyncio.create_task(lockit("C", None))
    await asyncio.sleep(0)
    print("queued", r(lock))
    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print("after tick", lock.locked(), ta.done(), tb.cancelled())
    await tc
    print("C done", r(lock))

    print("-- cancel + release in one callback: only one acquisition")
    lock = asyncio.Lock()
    counts = {"calls": 0, "locks": 0}
    async def lockit2(name):
        counts["calls"] += 1
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            print("cancelled in acquire", name)
            raise
        counts["locks"] += 1
        print("locked by", name)
    await lock.acquire()
    t1 = asyncio.create_task(lockit2("t1"))
    t2 = asyncio.create_task(lockit2("t2"))
    t3 = asyncio.create_task(lockit2("t3"))
    await asyncio.sleep(0)
    def trigger():
        t1.cancel()
        lock.release()
    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 cancelled")
    print("counts", counts["calls"], counts["locks"], t2.done(), t3.done(), r(lock))
    t3.cancel()
    await asyncio.sleep(0)
    print("t3 cancelled", t3.cancelled(), r(lock))

    print("-- woken waiter cancelled: the next one gets the lock")
    lock = asyncio.Lock()
    await lock.acquire()
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    tc = asyncio.create_task(lock.acquire())
    lock.release()   # wakes tb
    tb.cancel()      # ...which is cancelled before it runs
    print("state", r(lock))
    await asyncio.sleep(0)
    print("tb cancelled", tb.cancelled(), "locked", lock.locked(), "tc done", tc.done())
    await tc
    print("tc", tc.result(), r(lock))
    lock.release()

    print("-- cancelled head, free lock: a newcomer acquires at once")
    lock = asyncio.Lock()
    await lock.acquire()
    w1 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w1.cancel()
    lock.release()
    # w1's waiter is cancelled but still queued: the fast path ignores cancelled waiters
    print("newcomer", await lock.acquire(), r(lock))
    await asyncio.sleep(0)
    print("w1", w1.cancelled(), r(lock))
    lock.release()

    print("-- cancel the holder's successor repeatedly")
    lock = asyncio.Lock()
    got = []
    async def taker(i):
        await lock.acquire()
        got.append(i)
        await asyncio.sleep(0)
        lock.release()
    await lock.acquire()
    ts = [asyncio.create_task(taker(i)) for i in range(6)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[2].cancel()
    lock.release()
    ts[1].cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("got", got, [type(x).__name__ for x in res], r(lock))

asyncio.run(main())
