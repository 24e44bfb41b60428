import asyncio

# CPython test_locks.py SemaphoreTests, FIFO order, as traces: test_acquire_fifo_order
# (Semaphore and BoundedSemaphore), test_acquire_fifo_order_2, test_acquire_fifo_order_3.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    for cls in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        print("== test_acquire_fifo_order", cls.__name__)
        sem = cls(1)
        result = []

        async def coro(tag):
            await sem.acquire()
            result.append(f"{tag}_1")
            print(" ", tag, "first", r(sem))
            await asyncio.sleep(0.01)
            sem.release()
            await sem.acquire()
            result.append(f"{tag}_2")
            print(" ", tag, "second", r(sem))
            await asyncio.sleep(0.01)
            sem.release()

        async with asyncio.TaskGroup() as tg:
            for tag in ("c1", "c2", "c3"):
                tg.create_task(coro(tag))
        print("result", result, r(sem))

    print("== test_acquire_fifo_order_2")
    sem = asyncio.Semaphore(1)
    result = []

    async def c1():
        await sem.acquire()
        result.append(1)
        print("  c1", r(sem))
        return True

    async def c2():
        await sem.acquire()
        result.append(2)
        print("  c2", r(sem))
        sem.release()
        await sem.acquire()
        result.append(4)
        print("  c2 again", r(sem))
        return True

    async def c3():
        await sem.acquire()
        result.append(3)
        print("  c3", r(sem))
        return True

    tasks = [asyncio.create_task(c()) for c in (c1, c2, c3)]
    await asyncio.sleep(0)
    print("tick", result, r(sem))
    sem.release()
    sem.release()
    print("release x2", r(sem))
    print("gather", await asyncio.gather(*tasks), result, r(sem))

    print("== test_acquire_fifo_order_3")
    sem = asyncio.Semaphore(0)
    result = []

    async def c(i):
        await sem.acquire()
        result.append(i)
        print("  c%d" % i, r(sem))
        return True

    tasks = [asyncio.create_task(c(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    print("tick", r(sem))
    tasks[0].cancel()
    await asyncio.sleep(0)
    print("t1 cancelled", tasks[0].cancelled(), r(sem))
    sem.release()
    sem.release()
    print("release x2", r(sem))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print("gather", [type(x).__name__ for x in res], result, r(sem))


asyncio.run(main())
