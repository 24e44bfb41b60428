import asyncio

# CPython test_queues.py QueueGetTests and the get() cases of QueuePutTests, as traces:
# test_get_with_putters (a real waiting putter instead of a future pushed into _putters),
# test_blocking_get_wait, test_get_cancelled_race, test_get_with_waiting_putters,
# test_why_are_getters_waiting, test_cancelled_getters_not_being_held_in_self_getters,
# test_get_cancel_drop_one_pending_reader, test_get_cancel_drop_many_pending_readers.


async def main():
    loop = asyncio.get_running_loop()

    print("== test_get_with_putters")
    q = asyncio.Queue(1)
    await q.put(1)
    p = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("putter waiting", str(q), p.done())
    print("get", await q.get(), str(q), p.done())
    await asyncio.sleep(0)
    print("tick", str(q), p.done(), p.result())

    print("== test_blocking_get_wait")
    q = asyncio.Queue()
    started = asyncio.Event()
    finished = []

    async def queue_get():
        started.set()
        res = await q.get()
        finished.append(res)
        return res

    t = asyncio.create_task(queue_get())
    await started.wait()
    print("started", finished, str(q))
    t0 = loop.time()
    loop.call_later(0.1, q.put_nowait, 1)
    res = await t
    print("got", res, finished, loop.time() - t0 >= 0.1, str(q))

    print("== test_get_cancelled_race")
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("two getters", str(q))
    t1.cancel()
    print("t1.cancel()", str(q))
    await asyncio.sleep(0)
    print("tick", t1.done(), t1.cancelled(), str(q))
    await q.put("a")
    print("put a", str(q), t2.done())
    await asyncio.sleep(0)
    print("t2", await t2, str(q))

    print("== test_get_with_waiting_putters")
    q = asyncio.Queue(maxsize=1)
    pa = asyncio.create_task(q.put("a"))
    pb = asyncio.create_task(q.put("b"))
    print("get", await q.get(), str(q), pa.done(), pb.done())
    print("get", await q.get(), str(q), pa.done(), pb.done())

    print("== test_why_are_getters_waiting")
    log = []

    async def consumer(queue, num_expected):
        for _ in range(num_expected):
            log.append(("get", await queue.get(), queue.qsize()))

    async def producer(queue, num_items):
        for i in range(num_items):
            await queue.put(i)
            log.append(("put", i, queue.qsize()))

    q = asyncio.Queue(1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(q, 5))
        tg.create_task(consumer(q, 5))
    print(log)
    print(str(q))

    print("== test_cancelled_getters_not_being_held_in_self_getters")
    q = asyncio.Queue(maxsize=5)
    t0 = loop.time()
    try:
        await asyncio.wait_for(q.get(), 0.1)
        print("no timeout?")
    except TimeoutError as e:
        print("TimeoutError", loop.time() - t0 >= 0.1, str(q))

    print("== test_get_cancel_drop_one_pending_reader")
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    print("woken", str(q), reader.done())
    reader.cancel()
    try:
        await reader
        print("reader was not cancelled")
    except asyncio.CancelledError:
        print("reader cancelled", str(q))
        reader = asyncio.create_task(q.get())
        await reader
    print("result", reader.result(), str(q))

    print("== test_get_cancel_drop_many_pending_readers")
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        reader1 = tg.create_task(q.get())
        reader2 = tg.create_task(q.get())
        reader3 = tg.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(1)
        q.put_nowait(2)
        print("woken", str(q), [r.done() for r in (reader1, reader2, reader3)])
        reader1.cancel()
        try:
            await reader1
        except asyncio.CancelledError:
            print("reader1 cancelled", str(q))
        await reader3
        print("reader3", reader3.result(), str(q))
    print("results", reader2.result(), reader3.result(), str(q))


asyncio.run(main())
