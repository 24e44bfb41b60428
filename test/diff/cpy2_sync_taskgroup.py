import asyncio

# CPython test_queues.py test_why_are_getters_waiting / test_why_are_putters_waiting and
# test_locks.py test_timeout_in_block / test_context_manager scenarios inside TaskGroups and
# timeouts, as traces: a consumer that fails while the producer waits in put() (the producer is
# cancelled, the queue keeps what was put); a Barrier party that fails while the others wait (each
# cancelled party leaves the barrier filling, n_waiting back to 0); a timeout() rescheduled by
# a callback while in cond.wait() (TimeoutError with the lock held again); `async with lock`
# around the creation of tasks that use the lock (FIFO entry after the holder).
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    print("== test_why_are_getters_waiting, the consumer fails")
    q = asyncio.Queue(1)
    log = []
    async def producer():
        try:
            for i in range(10):
                await q.put(i)
                log.append(("put", i, str(q)))
        except asyncio.CancelledError:
            log.append(("producer cancelled", str(q)))
            raise
    async def consumer():
        for _ in range(3):
            log.append(("get", await q.get(), str(q)))
        raise ValueError("consumer broke")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(producer())
            tg.create_task(consumer())
    except* ValueError as eg:
        log.append(("group", [str(e) for e in eg.exceptions], str(q)))
    for x in log:
        print(" ", *x)

    print("== test_filling_tasks_cancel_one, a party fails in a TaskGroup")
    b = asyncio.Barrier(4)
    log = []
    async def party(k):
        try:
            if k == 2:
                await asyncio.sleep(0)
                raise KeyError(k)
            i = await b.wait()
            log.append((k, "passed", i))
        except asyncio.CancelledError:
            log.append((k, "cancelled"))
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            for k in range(4):
                tg.create_task(party(k))
    except* KeyError as eg:
        print("group", len(eg.exceptions), r(b))
    # TaskGroup cancels the others in the iteration order of a set (by address): sorted here
    print(sorted(log))
    print(r(b), b.n_waiting)

    print("== test_timeout_in_block, a rescheduled timeout()")
    cond = asyncio.Condition()
    loop = asyncio.get_running_loop()
    async with cond:
        t0 = loop.time()
        try:
            async with asyncio.timeout(10) as cm:
                loop.call_soon(cm.reschedule, loop.time() + 0.1)
                await cond.wait()
        except TimeoutError:
            print("TimeoutError", 0.09 < loop.time() - t0 < 1, cond.locked(), r(cond), cm.expired())
    print(r(cond))

    print("== test_context_manager (Lock), held around a TaskGroup")
    lock = asyncio.Lock()
    order = []
    async def user(k):
        async with lock:
            order.append(k)
            await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        async with lock:
            for k in range(3):
                tg.create_task(user(k))
            await asyncio.sleep(0)
            print("holding", r(lock))
        print("released", r(lock))
    print(order, r(lock))


asyncio.run(main())
