import asyncio

# Semaphore cancellation: cancelled waiters are skipped by release(); a waiter that was handed
# a unit and cancelled before it ran gives the unit back to the next waiter (no lost wake-up,
# no unit handed out twice); the value is never corrupted.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def names(res):
    return [x if not isinstance(x, BaseException) else type(x).__name__ for x in res]

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel while waiting")
    sem = asyncio.Semaphore()
    await sem.acquire()
    t = asyncio.create_task(sem.acquire())
    loop.call_soon(t.cancel)
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled", t.cancelled(), r(sem))
    sem.release()
    print("released", r(sem))

    print("-- two cancelled before being woken")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    print("after release", r(sem))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done", [t.done() for t in ts], [t.cancelled() for t in ts], r(sem))
    ts[3].cancel()
    await asyncio.sleep(0)
    print("t4 cancelled", ts[3].cancelled(), r(sem))

    print("-- woken then cancelled: the unit goes to the next waiter")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    sem.release()       # hands the unit to ts[0]
    ts[0].cancel()      # ...which is cancelled before it runs
    print("state", r(sem))
    await asyncio.sleep(0)
    print("after tick", [t.done() for t in ts], r(sem))
    await asyncio.sleep(0)
    print("after tick", [t.done() for t in ts], r(sem))
    sem.release()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("res", names(res), r(sem))

    print("-- no hang: the holder cancels a task queued behind it")
    sem = asyncio.Semaphore(1)
    async def c1():
        async with sem:
            await asyncio.sleep(0)
        t2.cancel()
    async def c2():
        async with sem:
            print("c2 never gets here")
    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    res = await asyncio.gather(t1, t2, return_exceptions=True)
    print("res", names(res), r(sem))
    print("acquire after", await asyncio.wait_for(sem.acquire(), timeout=1.0), r(sem))

    print("-- hang check: woken waiter cancelled, next one acquires")
    sem = asyncio.Semaphore(0)
    a = asyncio.create_task(sem.acquire())
    b = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    a.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("locked", sem.locked(), "b done", b.done(), r(sem))

    print("-- fifo with a cancelled first waiter")
    sem = asyncio.Semaphore(0)
    result = []
    async def c(i):
        await sem.acquire()
        result.append(i)
    ts = [asyncio.create_task(c(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("result", result, names(res), r(sem))

    print("-- many cancellations racing with releases")
    sem = asyncio.Semaphore(2)
    got = []
    async def worker(i):
        async with sem:
            got.append(i)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
    ws = [asyncio.create_task(worker(i)) for i in range(10)]
    await asyncio.sleep(0)
    for i in (2, 3, 5, 8):
        ws[i].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    ws[4].cancel()
    ws[6].cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("got", got, names(res), r(sem))

asyncio.run(main())
