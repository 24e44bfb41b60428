import asyncio

# CPython test_locks.py ConditionTests, as traces: test_wait, test_wait_unacquired,
# test_wait_for, test_wait_for_unacquired, test_notify, test_notify_all,
# test_notify_unacquired, test_notify_all_unacquired, test_repr (with real waiters),
# test_context_manager, test_explicit_lock.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    print("== test_wait")
    cond = asyncio.Condition()
    result = []

    async def c(i):
        await cond.acquire()
        got = await cond.wait()
        if got:
            result.append(i)
        print("c%d woke" % i, got, cond.locked(), r(cond))
        return True

    ts = [asyncio.create_task(c(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    print("waiting", result, cond.locked(), r(cond))
    print("acquire", await cond.acquire())
    cond.notify()
    await asyncio.sleep(0)
    print("notify(), tick", result, cond.locked(), r(cond))
    cond.release()
    await asyncio.sleep(0)
    print("release, tick", result, cond.locked(), r(cond))
    cond.notify(2)
    await asyncio.sleep(0)
    print("notify(2), tick", result, cond.locked(), r(cond))
    cond.release()
    await asyncio.sleep(0)
    print("release, tick", result, cond.locked(), r(cond))
    cond.release()
    await asyncio.sleep(0)
    print("release, tick", result, cond.locked(), r(cond))
    print("tasks", [(t.done(), t.result()) for t in ts])
    cond.release()

    print("== test_wait_unacquired")
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", e, r(cond))

    print("== test_wait_for")
    cond = asyncio.Condition()
    presult = False
    calls = []

    def predicate():
        calls.append(presult)
        return presult

    result = []

    async def c1():
        await cond.acquire()
        got = await cond.wait_for(predicate)
        if got:
            result.append(1)
            cond.release()
        print("c1 done", got)
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    print("waiting", result, calls, r(cond))
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("notified, predicate false", result, calls, r(cond))
    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("notified, predicate true", result, calls, r(cond))
    print("task", t.done(), t.result())

    print("== test_wait_for_unacquired")
    cond = asyncio.Condition()
    print("at once", await cond.wait_for(lambda: [1, 2, 3]), r(cond))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("RuntimeError", e, r(cond))

    for label, how in (("test_notify", "n"), ("test_notify_all", "all")):
        print("==", label)
        cond = asyncio.Condition()
        result = []

        async def c(i):
            await cond.acquire()
            if await cond.wait():
                result.append(i)
                print("c%d woke" % i, r(cond))
                cond.release()
            return True

        ts = [asyncio.create_task(c(i)) for i in ((1, 2, 3) if how == "n" else (1, 2))]
        await asyncio.sleep(0)
        print("waiting", result, r(cond))
        await cond.acquire()
        if how == "n":
            cond.notify(1)
            print("notify(1)", r(cond))
            cond.release()
            await asyncio.sleep(0)
            print("tick", result, r(cond))
            await cond.acquire()
            cond.notify(1)
            cond.notify(2048)
            print("notify(1) notify(2048)", r(cond))
        else:
            cond.notify_all()
            print("notify_all()", r(cond))
        cond.release()
        await asyncio.sleep(0)
        print("tick", result, r(cond))
        print("tasks", [(t.done(), t.result()) for t in ts])

    print("== test_notify_unacquired")
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)

    print("== test_notify_all_unacquired")
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("RuntimeError", e)

    print("== test_repr")
    cond = asyncio.Condition()
    print(r(cond))
    await cond.acquire()
    print(r(cond))
    cond.release()

    async def waiter():
        async with cond:
            return await cond.wait()

    ws = []
    for i in range(2):
        ws.append(asyncio.create_task(waiter()))
        await asyncio.sleep(0)
        print("waiter %d" % (i + 1), r(cond))
    await cond.acquire()
    print("acquired", r(cond))
    cond.notify_all()
    print("notified", r(cond))
    cond.release()
    print("results", await asyncio.gather(*ws), r(cond))

    print("== test_context_manager")
    cond = asyncio.Condition()
    print("before", cond.locked())
    async with cond:
        print("inside", cond.locked(), r(cond))
    print("after", cond.locked())

    print("== test_explicit_lock")
    async def f(lock=None, cond=None):
        if lock is None:
            lock = asyncio.Lock()
        if cond is None:
            cond = asyncio.Condition(lock)
        row = [lock.locked(), cond.locked()]
        async with cond:
            row += [lock.locked(), cond.locked()]
        row += [lock.locked(), cond.locked()]
        async with lock:
            row += [lock.locked(), cond.locked()]
        row += [lock.locked(), cond.locked()]
        print(" ", row)

    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))


asyncio.run(main())
