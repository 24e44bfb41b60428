import asyncio

# CPython test_locks.py BarrierTests, reset, as traces: test_reset_barrier,
# test_reset_barrier_while_tasks_waiting, test_reset_barrier_when_tasks_half_draining,
# test_reset_barrier_when_tasks_half_draining_half_blocking,
# test_reset_barrier_while_tasks_waiting_and_waiting_again,
# test_reset_barrier_while_tasks_draining. (Where the test reads the private _count, the
# tasks count the parties that left the barrier themselves.)
N = 5


def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def gather_tasks(n, coro):
    tasks = [asyncio.create_task(coro(i)) for i in range(n)]
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    print("== test_reset_barrier")
    barrier = asyncio.Barrier(1)
    t = asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print(t.done(), barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_reset_barrier_while_tasks_waiting")
    barrier = asyncio.Barrier(N)
    log = []

    async def coro(k):
        try:
            await barrier.wait()
            log.append((k, "passed"))
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e), r(barrier)))

    async def coro_reset():
        log.append(("reset", r(barrier)))
        await barrier.reset()
        log.append(("reset done", r(barrier)))

    tasks = [asyncio.create_task(coro(k)) for k in range(N - 1)]
    await asyncio.sleep(0)
    print("waiting", r(barrier))
    asyncio.create_task(coro_reset())
    await asyncio.gather(*tasks)
    for x in log:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_reset_barrier_when_tasks_half_draining")
    barrier = asyncio.Barrier(N)
    rest_of_tasks = N // 2
    left = 0
    log = []

    async def coro(k):
        nonlocal left
        try:
            i = await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e), r(barrier)))
        else:
            left += 1
            log.append((k, "passed", i, r(barrier)))
            if N - left == rest_of_tasks:
                await barrier.reset()
                log.append((k, "reset", r(barrier)))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_reset_barrier_when_tasks_half_draining_half_blocking")
    barrier = asyncio.Barrier(N)
    blocking_tasks = N // 2
    count = 0
    log = []

    async def coro(k):
        nonlocal count
        try:
            i = await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            log.append((k, "broken, waits again", str(e)))
            i = await barrier.wait()
            log.append((k, "passed second", i))
        else:
            count += 1
            log.append((k, "passed", i, count))
            if count > blocking_tasks:
                await barrier.reset()
                log.append((k, "reset", r(barrier)))
                i = await barrier.wait()
                log.append((k, "passed after reset", i))
            else:
                try:
                    i = await barrier.wait()
                    log.append((k, "passed again", i))
                except asyncio.BrokenBarrierError:
                    log.append((k, "blocked task broken?"))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_reset_barrier_while_tasks_waiting_and_waiting_again")
    barrier = asyncio.Barrier(N)
    log = []

    async def coro1(k):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e)))
        finally:
            i = await barrier.wait()
            log.append((k, "passed", i))

    async def coro2():
        async with barrier as i:
            log.append(("coro2", "passed", i, r(barrier)))

    tasks = [asyncio.create_task(coro1(k)) for k in range(N - 1)]
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print("after reset", r(barrier))
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    for x in log:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_reset_barrier_while_tasks_draining")
    barrier = asyncio.Barrier(N)
    count = 0
    log = []

    async def coro(k):
        nonlocal count
        i = await barrier.wait()
        count += 1
        log.append((k, "first", i, count, r(barrier)))
        if count == N:
            await barrier.reset()
            log.append((k, "reset", r(barrier)))
            i = await barrier.wait()
            log.append((k, "second", i))
        else:
            try:
                i = await barrier.wait()
                log.append((k, "second", i))
            except Exception as e:
                log.append((k, "second raised", type(e).__name__))
        i = await barrier.wait()
        log.append((k, "third", i))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken, r(barrier))


asyncio.run(main())
