import asyncio

# CPython test_queues.py QueuePutTests, as traces: test_blocking_put_wait,
# test_put_cancel_drop, test_put_cancelled, test_put_cancelled_race,
# test_put_with_waiting_getters, test_why_are_putters_waiting,
# test_cancelled_puts_not_being_held_in_self_putters,
# test_cancelled_put_silence_value_error_exception. (test_float_maxsize: aionode takes
# integer sizes only.)


async def main():
    loop = asyncio.get_running_loop()

    print("== test_blocking_put_wait")
    q = asyncio.Queue(maxsize=1)
    started = asyncio.Event()
    log = []

    async def queue_put():
        started.set()
        await q.put(1)
        log.append(("put 1", str(q)))
        await q.put(2)
        log.append(("put 2", str(q)))

    t0 = loop.time()
    loop.call_later(0.3, q.get_nowait)  # 0.3 s: the first prints come before it even on a loaded machine
    t = asyncio.create_task(queue_put())
    await started.wait()
    print("started", log, str(q))
    await t
    print("finished", log, loop.time() - t0 >= 0.3, str(q))

    print("== test_put_cancel_drop")
    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("writer waiting", str(q))
    print("get_nowait", q.get_nowait(), str(q), writer.done())
    writer.cancel()
    try:
        await writer
        print("writer was not cancelled")
    except asyncio.CancelledError:
        print("writer cancelled", str(q))
        writer = asyncio.create_task(q.put(2))
        await writer
    print("get_nowait", q.get_nowait(), q.qsize(), str(q))

    print("== test_put_cancelled")
    q = asyncio.Queue()

    async def queue_put():
        await q.put(1)
        return True

    t = asyncio.create_task(queue_put())
    print("get", await q.get(), t.done(), t.result(), str(q))

    print("== test_put_cancelled_race")
    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put("a"))
    put_b = asyncio.create_task(q.put("b"))
    put_c = asyncio.create_task(q.put("X"))
    await asyncio.sleep(0)
    print("tick", put_a.done(), put_b.done(), put_c.done(), str(q))
    put_c.cancel()
    await asyncio.sleep(0)
    print("put_c cancelled", put_c.done(), put_c.cancelled(), str(q))
    print("get_nowait", q.get_nowait(), str(q))
    await asyncio.sleep(0)
    print("get_nowait", q.get_nowait(), str(q))
    print("put_b", await put_b, str(q))

    print("== test_put_with_waiting_getters")
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("getter waiting", str(q))
    await q.put("a")
    print("put a", str(q), t.done())
    print("getter", await t, str(q))

    print("== test_why_are_putters_waiting")
    q = asyncio.Queue(2)
    log = []

    async def putter(item):
        await q.put(item)
        log.append(("put", item, q.qsize()))

    async def getter():
        await asyncio.sleep(0)
        num = q.qsize()
        for _ in range(num):
            log.append(("get", q.get_nowait(), str(q)))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        for i in range(4):
            tg.create_task(putter(i))
    for x in log:
        print(" ", *x)
    print(str(q))

    print("== test_cancelled_puts_not_being_held_in_self_putters")
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    put_task = asyncio.create_task(q.put(1))
    await asyncio.sleep(0)
    print("putter waiting", str(q))
    put_task.cancel()
    try:
        await put_task
    except asyncio.CancelledError:
        print("CancelledError", put_task.cancelled(), str(q))

    print("== test_cancelled_put_silence_value_error_exception")
    q = asyncio.Queue(1)
    q.put_nowait(1)
    put_task = asyncio.create_task(q.put(1))
    await asyncio.sleep(0)
    print("putter waiting", str(q))
    q.get_nowait()
    print("get_nowait", str(q))
    put_task.cancel()
    try:
        await put_task
        print("no CancelledError?")
    except asyncio.CancelledError:
        print("CancelledError", put_task.cancelled(), str(q))


asyncio.run(main())
