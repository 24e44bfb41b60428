import asyncio

# Barrier.abort(): the barrier is broken; waiting parties and every later wait() get
# BrokenBarrierError ("Abort or reset of barrier" for those waiting, "Barrier aborted" for
# new arrivals) until reset(); abort on an exception inside `async with barrier`; abort, then
# synchronize on a second barrier and reset the first.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

N = 5

async def main():
    print("-- abort of an idle barrier")
    b = asyncio.Barrier(1)
    asyncio.create_task(b.abort())
    await asyncio.sleep(0)
    print("idle", b.n_waiting, b.broken, r(b))
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on broken:", str(e))
    await b.reset()
    print("reset", b.broken, r(b), await b.wait())

    print("-- abort while half drained, half blocking")
    b = asyncio.Barrier(N)
    blocking = N // 2
    count = 0
    log = []
    async def coro(i):
        nonlocal count
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            log.append(("first broken", i, str(e)))
        else:
            count += 1
            if count > blocking:
                log.append(("abort by", i, r(b)))
                await b.abort()
            else:
                try:
                    await b.wait()
                except asyncio.BrokenBarrierError as e:
                    log.append(("second broken", i, str(e)))
    await asyncio.gather(*(coro(i) for i in range(N)))
    for x in log:
        print(*x)
    print("after", r(b), b.n_waiting, b.broken)

    print("-- exception inside async with barrier: abort")
    b = asyncio.Barrier(N)
    log = []
    async def coro2(i):
        try:
            async with b as k:
                if k == N // 2:
                    raise RuntimeError("party failed")
            async with b:
                log.append(("second round", i))
        except asyncio.BrokenBarrierError as e:
            log.append(("broken", i, str(e)))
        except RuntimeError as e:
            log.append(("failed", i, str(e)))
            await b.abort()
    await asyncio.gather(*(coro2(i) for i in range(N)))
    for x in log:
        print(*x)
    print("after", r(b), b.broken)

    print("-- abort, then synchronize and reset")
    b1 = asyncio.Barrier(N)
    b2 = asyncio.Barrier(N)
    log = []
    async def coro3(i):
        try:
            k = await b1.wait()
            if k == N // 2:
                raise RuntimeError
            await b1.wait()
            log.append(("passed", i))
        except asyncio.BrokenBarrierError:
            log.append(("broken", i))
        except RuntimeError:
            log.append(("abort by", i))
            await b1.abort()
        k = await b2.wait()
        if k == N // 2:
            log.append(("reset by", i, r(b1)))
            await b1.reset()
        await b2.wait()
        k = await b1.wait()
        log.append(("final", i, k))
    await asyncio.gather(*(coro3(i) for i in range(N)))
    for x in log:
        print(*x)
    print("after", r(b1), r(b2), b1.broken)

asyncio.run(main())
