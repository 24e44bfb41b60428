import asyncio

# CPython test_locks.py SemaphoreTests, as traces: test_initial_value_zero, test_repr (with
# real waiters), test_semaphore_value, test_acquire, test_acquire_cancel,
# test_acquire_cancel_before_awoken, test_acquire_hang, test_acquire_no_hang,
# test_release_not_acquired, test_release_no_waiters.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    loop = asyncio.get_running_loop()

    print("== test_initial_value_zero")
    sem = asyncio.Semaphore(0)
    print(sem.locked(), r(sem))

    print("== test_repr")
    sem = asyncio.Semaphore()
    print(r(sem))
    await sem.acquire()
    print(r(sem))
    ws = []
    for i in range(2):
        ws.append(asyncio.create_task(sem.acquire()))
        await asyncio.sleep(0)
        print("waiter %d" % (i + 1), r(sem))
    sem.release()
    print("release", r(sem))
    await asyncio.sleep(0)
    print("tick", r(sem), [t.done() for t in ws])
    sem.release()
    sem.release()
    print("release x2", r(sem))
    await asyncio.sleep(0)
    print("tick", r(sem), [t.done() for t in ws])
    sem.release()
    print("release", r(sem))

    print("== test_semaphore_value")
    for v in (-1, -5):
        try:
            asyncio.Semaphore(v)
        except ValueError as e:
            print("ValueError", e)
    for v in (0, 1, 3):
        print(v, r(asyncio.Semaphore(v)), r(asyncio.BoundedSemaphore(v)))

    print("== test_acquire")
    sem = asyncio.Semaphore(3)
    result = []
    print(await sem.acquire(), await sem.acquire(), sem.locked(), r(sem))

    async def c(i):
        await sem.acquire()
        result.append(i)
        print("c%d acquired" % i, r(sem))
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print("tick", result, sem.locked(), r(sem))
    t4 = asyncio.create_task(c(4))
    sem.release()
    sem.release()
    print("release x2", r(sem))
    await asyncio.sleep(0)
    print("tick", result, sem.locked(), r(sem))
    print("done", [(t.done() and t.result()) for t in (t1, t2, t3, t4)])
    sem.release()
    print("gather", await asyncio.gather(t2, t3, t4), result, r(sem))

    print("== test_acquire_cancel")
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = asyncio.create_task(sem.acquire())
    loop.call_soon(acquire.cancel)
    try:
        await acquire
        print("not cancelled?")
    except asyncio.CancelledError:
        print("CancelledError", acquire.cancelled(), r(sem))
    sem.release()
    print("release", r(sem))

    print("== test_acquire_cancel_before_awoken")
    sem = asyncio.Semaphore(value=0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(4)]
    await asyncio.sleep(0)
    print("waiting", r(sem))
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    print("cancel t1 t2, release", r(sem))
    await asyncio.sleep(0)
    print("tick", r(sem), [t.done() for t in ts])
    await asyncio.sleep(0)
    print("tick", r(sem), [t.done() for t in ts], [t.cancelled() for t in ts])
    ts[2].cancel()
    ts[3].cancel()
    await asyncio.sleep(0)
    print("cleanup", r(sem), [t.cancelled() for t in ts])

    print("== test_acquire_hang")
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(sem.locked(), t1.cancelled(), t2.done(), r(sem))

    print("== test_acquire_no_hang")
    sem = asyncio.Semaphore(1)

    async def c1():
        async with sem:
            print("c1 in", r(sem))
            await asyncio.sleep(0)
        print("c1 out", r(sem))
        t2.cancel()

    async def c2():
        async with sem:
            print("c2 entered?")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print("gather", r1, type(r2).__name__, r(sem))
    print("wait_for acquire", await asyncio.wait_for(sem.acquire(), timeout=1.0), r(sem))

    print("== test_release_not_acquired")
    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", e, r(sem))

    print("== test_release_no_waiters")
    sem = asyncio.Semaphore()
    await sem.acquire()
    print(sem.locked(), r(sem))
    sem.release()
    print(sem.locked(), r(sem))


asyncio.run(main())
