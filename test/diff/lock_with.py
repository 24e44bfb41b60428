import asyncio

# `async with` on Lock, Condition and Semaphore (aionode: x.with(body)): the lock is held
# during the body and released on return, on an exception and on cancellation; a task
# cancelled while waiting to enter never runs the body and releases nothing.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()

    print("-- result")
    async def body1():
        async with lock:
            print("inside", r(lock))
            await asyncio.sleep(0)
            return 42
    print("result", await body1(), r(lock))

    print("-- exception in the body")
    async def body2():
        async with lock:
            print("inside", r(lock))
            await asyncio.sleep(0)
            raise KeyError("boom")
    try:
        await body2()
    except KeyError as e:
        print("raised", type(e).__name__, r(lock))

    print("-- cancelled inside the body")
    gate = loop.create_future()
    async def body3():
        async with lock:
            print("inside", r(lock))
            try:
                await gate
            except asyncio.CancelledError:
                print("body cancelled", r(lock))
                raise
    t = asyncio.create_task(body3())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), r(lock))

    print("-- cancelled while waiting to enter")
    await lock.acquire()
    async def body4():
        print("entering")
        async with lock:
            print("never here")
    t = asyncio.create_task(body4())
    await asyncio.sleep(0)
    print("queued", r(lock))
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after", t.cancelled(), r(lock))
    lock.release()

    print("-- contention: bodies run one at a time in order")
    trace = []
    async def worker(i):
        async with lock:
            trace.append(("in", i))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            trace.append(("out", i))
            return i * 10
    res = await asyncio.gather(*(worker(i) for i in range(4)))
    print("res", res)
    print("trace", trace)

    print("-- Condition and Semaphore")
    cond = asyncio.Condition()
    async def with_cond():
        async with cond:
            print("cond inside", r(cond))
            return "c"
    print("cond result", await with_cond(), r(cond))
    sem = asyncio.Semaphore(2)
    async def with_sem(i):
        async with sem:
            print("sem inside", i, r(sem))
            await asyncio.sleep(0)
            return i
    print("sem results", await asyncio.gather(*(with_sem(i) for i in range(3))), r(sem))

    print("-- nested: Condition built on an explicit lock")
    lock2 = asyncio.Lock()
    cond2 = asyncio.Condition(lock2)
    async def nested():
        async with cond2:
            print("cond2 locked", lock2.locked(), cond2.locked())
        async with lock2:
            print("lock2 locked", lock2.locked(), cond2.locked())
        print("after", lock2.locked(), cond2.locked())
    await nested()

    print("-- body releasing the lock itself: the exit release fails")
    async def bad():
        async with lock:
            lock.release()
    try:
        await bad()
    except RuntimeError as e:
        print("RuntimeError", str(e), r(lock))

asyncio.run(main())
