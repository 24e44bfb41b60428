import asyncio

# CPython test_locks.py BarrierTests, filling and draining, as traces: test_barrier (the
# repr part), test_repr, test_barrier_parties, test_context_manager, test_filling_one_task,
# test_filling_one_task_twice, test_filling_task_by_task, test_filling_tasks_wait_twice,
# test_filling_tasks_check_return_value, test_draining_state,
# test_blocking_tasks_while_draining, test_filling_tasks_cancel_one.
N = 5


def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


def outcome(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return t.result()


async def gather_tasks(n, coro):
    tasks = [asyncio.create_task(coro(i)) for i in range(n)]
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    print("== test_barrier")
    barrier = asyncio.Barrier(N)
    print(r(barrier), barrier.parties, barrier.n_waiting, barrier.broken)

    print("== test_repr")
    barrier = asyncio.Barrier(N)
    print(r(barrier))
    waiters = []

    async def wait(i):
        return await barrier.wait()

    for i in range(2):
        waiters.append(asyncio.create_task(wait(len(waiters))))
    await asyncio.sleep(0)
    print("two waiting", r(barrier))
    for i in range(barrier.parties - barrier.n_waiting):
        waiters.append(asyncio.create_task(wait(len(waiters))))
    await asyncio.sleep(0)
    print("filled", r(barrier))
    for i in range(2):
        waiters.append(asyncio.create_task(wait(len(waiters))))
    await asyncio.sleep(0)
    print("two more", r(barrier))
    await barrier.reset()
    print("reset", r(barrier))
    for i in range(2):
        waiters.append(asyncio.create_task(wait(len(waiters))))
    await asyncio.sleep(0)
    print("two more", r(barrier))
    await barrier.abort()
    print("abort", r(barrier), barrier.broken)
    await asyncio.gather(*waiters, return_exceptions=True)
    print("outcomes", [outcome(t) for t in waiters], r(barrier))

    print("== test_barrier_parties")
    for p in (0, -4):
        try:
            asyncio.Barrier(p)
        except ValueError as e:
            print("ValueError", e)
    print(type(asyncio.Barrier(N)).__name__)

    print("== test_context_manager")
    barrier = asyncio.Barrier(3)
    results = []

    async def coro(k):
        async with barrier as i:
            print("  task", k, "index", i, r(barrier))
            results.append(i)

    await gather_tasks(3, coro)
    print(sorted(results), barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_filling_one_task")
    barrier = asyncio.Barrier(1)

    async def f():
        async with barrier as i:
            print("  index", i, r(barrier))
            return True

    print(await f(), barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_filling_one_task_twice")
    barrier = asyncio.Barrier(1)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("t1", t1.done(), barrier.n_waiting, r(barrier))
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("t2", t1.result(), t2.result(), t1.done(), t2.done(), barrier.n_waiting, barrier.broken)

    print("== test_filling_task_by_task")
    barrier = asyncio.Barrier(3)
    ts = []
    for k in range(3):
        ts.append(asyncio.create_task(barrier.wait()))
        await asyncio.sleep(0)
        print("  after task", k + 1, barrier.n_waiting, r(barrier))
    done, pending = await asyncio.wait(ts)
    print(len(done), len(pending), [t.result() for t in ts], barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_filling_tasks_wait_twice")
    barrier = asyncio.Barrier(N)
    results = []

    async def coro(k):
        async with barrier:
            results.append((k, True))
            async with barrier:
                results.append((k, False))

    await gather_tasks(N, coro)
    print(results)
    print(len(results), barrier.n_waiting, barrier.broken, r(barrier))

    print("== test_filling_tasks_check_return_value")
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro(k):
        async with barrier as i1:
            results1.append((k, i1))
            async with barrier as i:
                results2.append((k, i))
                return i

    res, _ = await gather_tasks(N, coro)
    print(results1)
    print(results2)
    print(res, sorted(res), barrier.n_waiting, barrier.broken)

    print("== test_draining_state")
    barrier = asyncio.Barrier(N)
    results = []

    async def coro(k):
        async with barrier:
            results.append((k, "draining" in repr(barrier), r(barrier)))

    await gather_tasks(N, coro)
    for x in results:
        print(" ", *x)
    print(barrier.n_waiting, barrier.broken)

    print("== test_blocking_tasks_while_draining")
    rewait = 2
    barrier = asyncio.Barrier(N)
    barrier_nowaiting = asyncio.Barrier(N - rewait)
    rewait_n = rewait
    log = []

    async def coro(k):
        nonlocal rewait_n
        i = await barrier.wait()
        log.append((k, "first", i))
        if rewait_n > 0:
            rewait_n -= 1
            i = await barrier.wait()
            log.append((k, "rewait", i))
        else:
            j = await barrier_nowaiting.wait()
            log.append((k, "nowaiting", j))
            i = await barrier.wait()
            log.append((k, "again", i))
        return i

    res, _ = await gather_tasks(N, coro)
    for x in log:
        print(" ", *x)
    print(res, r(barrier), r(barrier_nowaiting))

    print("== test_filling_tasks_cancel_one")
    barrier = asyncio.Barrier(3)
    results = []

    async def coro(k):
        i = await barrier.wait()
        results.append((k, i))

    t1 = asyncio.create_task(coro(1))
    await asyncio.sleep(0)
    print("t1", barrier.n_waiting)
    t2 = asyncio.create_task(coro(2))
    await asyncio.sleep(0)
    print("t2", barrier.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("t1 cancel", barrier.n_waiting, r(barrier))
    try:
        await t1
    except asyncio.CancelledError:
        print("CancelledError", t1.cancelled())
    t3 = asyncio.create_task(coro(3))
    await asyncio.sleep(0)
    print("t3", barrier.n_waiting, r(barrier))
    t4 = asyncio.create_task(coro(4))
    await asyncio.gather(t2, t3, t4)
    print(results, barrier.n_waiting, barrier.broken, r(barrier))


asyncio.run(main())
