import asyncio

# Condition.wait() cancelled: the lock is re-acquired before CancelledError propagates, also
# when the cancellation arrives while re-acquiring (even several times); a notified waiter
# cancelled before it runs; wait_for under a timeout.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel while waiting: the lock is held again")
    cond = asyncio.Condition()
    await cond.acquire()
    w = asyncio.create_task(cond.wait())
    loop.call_soon(w.cancel)
    try:
        await w
    except asyncio.CancelledError:
        print("cancelled", w.cancelled(), cond.locked(), r(cond))
    cond.release()

    print("-- notified, lock contested, then cancelled: no cancellation point left")
    await cond.acquire()
    w = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("waiting", r(cond))
    await cond.acquire()
    cond.notify()
    loop.call_soon(w.cancel)
    loop.call_soon(cond.release)
    try:
        res = await w
        print("wait returned", res, cond.locked())
    except asyncio.CancelledError:
        print("wait cancelled", cond.locked())
    cond.release()

    print("-- cancelled after notify, while re-acquiring")
    reached = []
    async def wait_on_cond():
        async with cond:
            reached.append(True)
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("wait raised CancelledError, locked:", cond.locked())
                raise
    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print("waiter re-acquiring", r(cond))
    waiter.cancel()
    await asyncio.sleep(0)
    print("still blocked", waiter.done(), r(cond))
    waiter.cancel()
    await asyncio.sleep(0)
    print("cancelled twice", waiter.done(), r(cond))
    cond.release()
    await asyncio.sleep(0)
    print("waiter", waiter.cancelled(), reached, r(cond))

    print("-- notify and cancel in the same iteration: the next waiter is not woken")
    order = []
    async def w2(i):
        async with cond:
            try:
                await cond.wait()
                order.append(i)
            except asyncio.CancelledError:
                order.append(("cancelled", i))
                raise
    ts = [asyncio.create_task(w2(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        ts[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("order", order, r(cond))
    async with cond:
        cond.notify_all()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("order", order, [type(x).__name__ for x in res], r(cond))

    print("-- wait_for with a timeout inside the lock")
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), timeout=0.05)
        except asyncio.TimeoutError:
            print("timed out, locked:", cond.locked(), r(cond))
    print("after", r(cond))

    print("-- timeout() around wait_for(predicate)")
    async with cond:
        try:
            async with asyncio.timeout(0.05):
                await cond.wait_for(lambda: False)
        except TimeoutError:
            print("timed out, locked:", cond.locked(), r(cond))
    print("after", r(cond))

asyncio.run(main())
