import asyncio

# Barrier.reset(): waiting parties get BrokenBarrierError and the barrier goes through
# 'resetting' back to 'filling' once they have left; reset of an idle barrier; reset while
# some parties drain and others block; parties that wait again after the reset.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

N = 5

async def main():
    print("-- reset of an idle barrier")
    b = asyncio.Barrier(1)
    asyncio.create_task(b.reset())
    await asyncio.sleep(0)
    print("idle", b.n_waiting, b.broken, r(b))

    print("-- reset while N-1 wait")
    b = asyncio.Barrier(N)
    results = []
    async def coro(name):
        try:
            await b.wait()
            results.append((name, "passed"))
        except asyncio.BrokenBarrierError as e:
            results.append((name, "broken", str(e)))
    tasks = [asyncio.create_task(coro(i)) for i in range(N - 1)]
    await asyncio.sleep(0)
    print("filling", r(b))
    rt = asyncio.create_task(b.reset())
    await asyncio.sleep(0)
    print("resetting", r(b), rt.done())
    await asyncio.gather(*tasks)
    for x in results:
        print(*x)
    print("after", r(b), b.broken)

    print("-- waiting again after the reset completes the barrier")
    b = asyncio.Barrier(N)
    results = []
    async def coro1(i):
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            results.append(("broken", i))
        finally:
            k = await b.wait()
            results.append(("second", i, k))
    async def coro2():
        async with b as k:
            results.append(("late", k))
    tasks = [asyncio.create_task(coro1(i)) for i in range(N - 1)]
    asyncio.create_task(b.reset())
    await asyncio.sleep(0)
    print("state", r(b))
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    for x in results:
        print(*x)
    print("after", r(b))

    print("-- reset by the last party out: the others pass their second wait")
    b = asyncio.Barrier(N)
    count = 0
    log = []
    async def coro3(i):
        nonlocal count
        k = await b.wait()
        count += 1
        if count == N:
            log.append(("reset by", i, r(b)))
            await b.reset()
            log.append(("after reset", r(b)))
            await b.wait()
        else:
            try:
                await b.wait()
                log.append(("second passed", i))
            except asyncio.BrokenBarrierError:
                log.append(("second broken", i))
        k = await b.wait()
        log.append(("third", i, k))
    await asyncio.gather(*(coro3(i) for i in range(N)))
    for x in log:
        print(*x)
    print("after", r(b))

    print("-- reset when half drained, half blocking")
    b = asyncio.Barrier(N)
    blocking = N // 2
    count = 0
    log = []
    async def coro4(i):
        nonlocal count
        try:
            await b.wait()
        except asyncio.BrokenBarrierError:
            log.append(("broken then rewait", i))
            await b.wait()
        else:
            count += 1
            if count > blocking:
                log.append(("reset by", i, r(b)))
                await b.reset()
                await b.wait()
            else:
                try:
                    await b.wait()
                    log.append(("second passed", i))
                except asyncio.BrokenBarrierError:
                    log.append(("second broken", i))
    await asyncio.gather(*(coro4(i) for i in range(N)))
    for x in log:
        print(*x)
    print("after", r(b), b.n_waiting, b.broken)

asyncio.run(main())
