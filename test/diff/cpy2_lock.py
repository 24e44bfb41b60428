import asyncio

# CPython test_locks.py LockTests, as traces: test_repr, test_acquire, test_acquire_cancel,
# test_finished_waiter_cancelled, test_release_not_acquired, test_release_no_waiters,
# test_context_manager. (test_cancel_race and test_cancel_release_race: lock_cancel.py.)
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    loop = asyncio.get_running_loop()

    print("== test_repr")
    lock = asyncio.Lock()
    print(r(lock))
    print("acquire", await lock.acquire(), r(lock))
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("one waiter", r(lock))
    lock.release()
    print("released", r(lock))
    await w
    print("waiter got it", r(lock))
    lock.release()
    print("end", r(lock))

    print("== test_acquire")
    lock = asyncio.Lock()
    result = []
    print("first acquire", await lock.acquire())

    async def c(i):
        got = await lock.acquire()
        result.append(i)
        print("c%d acquired" % i, got, r(lock))
        return got

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("waiting", result, r(lock))
    lock.release()
    print("released", r(lock))
    await asyncio.sleep(0)
    print("after 1 tick", result, r(lock))
    await asyncio.sleep(0)
    print("after 2 ticks", result, r(lock))
    t3 = asyncio.create_task(c(3))
    lock.release()
    await asyncio.sleep(0)
    print("t3 made, released", result, r(lock))
    lock.release()
    await asyncio.sleep(0)
    print("released again", result, r(lock))
    print("tasks", [(t.done(), t.result()) for t in (t1, t2, t3)])
    lock.release()

    print("== test_acquire_cancel")
    lock = asyncio.Lock()
    print("acquire", await lock.acquire())
    task = asyncio.create_task(lock.acquire())
    loop.call_soon(task.cancel)
    try:
        await task
        print("not cancelled?")
    except asyncio.CancelledError as e:
        print("CancelledError", repr(e), task.cancelled(), r(lock))
    lock.release()
    print("released", r(lock))

    print("== test_finished_waiter_cancelled")
    lock = asyncio.Lock()
    await lock.acquire()
    print("locked", lock.locked())
    tb = asyncio.create_task(lock.acquire(), name="tb")
    await asyncio.sleep(0)
    print("tb waits", r(lock))
    tc = asyncio.create_task(lock.acquire(), name="tc")
    tb.cancel()
    lock.release()
    print("cancel tb, release", r(lock), tb.done(), tc.done())
    await asyncio.sleep(0)
    print("after tick", lock.locked(), tb.cancelled(), tc.done(), r(lock))
    print("tc", await tc, r(lock))
    lock.release()

    print("== test_release_not_acquired")
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e, r(lock))

    print("== test_release_no_waiters")
    lock = asyncio.Lock()
    await lock.acquire()
    print("locked", lock.locked())
    lock.release()
    print("after release", lock.locked(), r(lock))

    print("== test_context_manager")
    lock = asyncio.Lock()
    print("before", lock.locked())
    async with lock:
        print("inside", lock.locked(), r(lock))
    print("after", lock.locked())
    try:
        async with lock:
            print("inside again", lock.locked())
            raise ValueError("boom")
    except ValueError as e:
        print("ValueError", e, lock.locked())


asyncio.run(main())
