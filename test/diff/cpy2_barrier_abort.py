import asyncio

# CPython test_locks.py BarrierTests, abort, as traces: test_abort_barrier,
# test_abort_barrier_when_tasks_half_draining_half_blocking,
# test_abort_barrier_when_exception, test_abort_barrier_when_exception_then_resetting.
N = 5


def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def gather_tasks(n, coro):
    tasks = [asyncio.create_task(coro(i)) for i in range(n)]
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    print("== test_abort_barrier")
    barrier = asyncio.Barrier(1)
    t = asyncio.create_task(barrier.abort())
    await asyncio.sleep(0)
    print(t.done(), barrier.n_waiting, barrier.broken, r(barrier))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait: BrokenBarrierError", e)

    print("== test_abort_barrier_when_tasks_half_draining_half_blocking")
    barrier = asyncio.Barrier(N)
    blocking_tasks = N // 2
    count = 0
    log = []

    async def coro(k):
        nonlocal count
        try:
            i = await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e), r(barrier)))
        else:
            count += 1
            log.append((k, "passed", i, count))
            if count > blocking_tasks:
                await barrier.abort()
                log.append((k, "aborted", r(barrier)))
            else:
                try:
                    await barrier.wait()
                    log.append((k, "passed again?"))
                except asyncio.BrokenBarrierError as e:
                    log.append((k, "blocked: BrokenBarrierError", str(e)))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier.broken, barrier.n_waiting, r(barrier))

    print("== test_abort_barrier_when_exception")
    barrier = asyncio.Barrier(N)
    log = []

    async def coro(k):
        try:
            async with barrier as i:
                log.append((k, "in", i))
                if i == N // 2:
                    raise RuntimeError("party %d" % i)
            async with barrier:
                log.append((k, "in again?"))
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e)))
        except RuntimeError as e:
            log.append((k, "RuntimeError", str(e), r(barrier)))
            await barrier.abort()
            log.append((k, "aborted", r(barrier)))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier.broken, barrier.n_waiting, r(barrier))

    print("== test_abort_barrier_when_exception_then_resetting")
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    log = []

    async def coro(k):
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            log.append((k, "passed twice?"))
        except asyncio.BrokenBarrierError as e:
            log.append((k, "BrokenBarrierError", str(e)))
        except RuntimeError:
            log.append((k, "aborting"))
            await barrier1.abort()
        i = await barrier2.wait()
        if i == N // 2:
            log.append((k, "resetting", r(barrier1)))
            await barrier1.reset()
            log.append((k, "reset", r(barrier1)))
        await barrier2.wait()
        j = await barrier1.wait()
        log.append((k, "through", j))

    await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(barrier1.broken, barrier1.n_waiting, r(barrier1), r(barrier2))


asyncio.run(main())
