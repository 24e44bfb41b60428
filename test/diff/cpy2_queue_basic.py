import asyncio

# CPython test_queues.py, basics, as traces: QueueBasicTests test_str (test_repr is the same
# with the object's address, left out), test_empty, test_full, test_order, test_maxsize;
# QueueGetTests test_blocking_get, test_nonblocking_get, test_nonblocking_get_exception;
# QueuePutTests test_blocking_put, test_nonblocking_put, test_nonblocking_put_exception;
# LifoQueueTests and PriorityQueueTests test_order; the join mixin's test_task_done_underflow,
# test_join_empty_queue and test_format, for the three queue classes.


async def main():
    print("== test_str")
    q = asyncio.Queue()
    print(str(q), str(q).startswith("<Queue"))
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        getter = tg.create_task(q.get())
        await asyncio.sleep(0)
        print("getter waiting", str(q))
        q.put_nowait(0)
        print("put_nowait(0)", str(q))
    print("getter", await getter, str(q))
    q = asyncio.Queue(maxsize=1)
    async with asyncio.TaskGroup() as tg:
        q.put_nowait(1)
        putter = tg.create_task(q.put(2))
        await asyncio.sleep(0)
        print("putter waiting", str(q))
        q.get_nowait()
        print("get_nowait()", str(q))
    print("putter", putter.done(), putter.result(), str(q))
    q = asyncio.Queue()
    q.put_nowait(1)
    print(str(q))

    print("== test_empty")
    q = asyncio.Queue()
    print(q.empty())
    await q.put(1)
    print(q.empty())
    print(await q.get(), q.empty())

    print("== test_full")
    q = asyncio.Queue()
    print(q.full())
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    print(q.full(), str(q))

    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        print("== test_order", cls.__name__)
        q = cls()
        for i in [1, 3, 2]:
            await q.put(i)
        print(str(q))
        print([await q.get() for _ in range(3)], str(q))

    print("== test_maxsize")
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize)
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
    print("blocked", have_been_put, str(q))
    print("get", await q.get(), str(q))
    await asyncio.sleep(0)
    print("resumed", have_been_put, str(q))
    print("get", await q.get(), await q.get(), str(q))
    print(t.done(), t.result())

    print("== test_blocking_get")
    q = asyncio.Queue()
    q.put_nowait(1)
    print(await q.get())

    print("== test_nonblocking_get")
    q = asyncio.Queue()
    q.put_nowait(1)
    print(q.get_nowait())

    print("== test_nonblocking_get_exception")
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), str(q))

    print("== test_blocking_put")
    q = asyncio.Queue()
    await q.put(1)
    print(await q.get())

    print("== test_nonblocking_put")
    q = asyncio.Queue()
    q.put_nowait(1)
    print(q.get_nowait())

    print("== test_nonblocking_put_exception")
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e), str(q))

    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        print("== test_task_done_underflow", cls.__name__)
        q = cls()
        try:
            q.task_done()
        except ValueError as e:
            print("ValueError", e)

        print("== test_join_empty_queue", cls.__name__)
        q = cls()
        await q.join()
        await q.join()
        print("joined twice", str(q))

        print("== test_format", cls.__name__)
        q = cls()
        print(str(q))
        q.put_nowait(5)
        q.put_nowait(4)
        print(str(q))
        q.get_nowait()
        q.get_nowait()
        print(str(q))
        q.task_done()
        print(str(q))


asyncio.run(main())
