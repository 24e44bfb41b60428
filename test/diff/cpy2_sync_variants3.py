import asyncio

# More variations on CPython test_locks.py / test_queues.py scenarios, as traces:
# wait_for(x, 0) (and a negative timeout) on a free Lock, a non-empty Queue, a set Event and a
# free Semaphore (TimeoutError, nothing taken): a
# test_cancelled_getters_not_being_held_in_self_getters with no wait; timeout() around a
# waiting acquire (test_timeout_in_block);
# test_reset_barrier_while_tasks_draining and
# test_abort_barrier_when_tasks_half_draining_half_blocking with new arrivals blocked by the
# draining, some of them cancelled; test_explicit_lock with two Conditions on one Lock (notify
# on one wakes only its own waiters); LifoQueue test_order on a bounded queue with waiting
# putters (test_maxsize).
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


def st(ts):
    return [("C" if t.cancelled() else ("E:" + type(t.exception()).__name__ if t.exception() else "D")) if t.done() else "P" for t in ts]


async def main():
    print("== wait_for(x, 0) on free primitives")
    lock = asyncio.Lock()
    try:
        print(await asyncio.wait_for(lock.acquire(), 0), r(lock))
    except TimeoutError:
        print("TimeoutError", r(lock))
    q = asyncio.Queue()
    q.put_nowait(1)
    try:
        print(await asyncio.wait_for(q.get(), 0), str(q))
    except TimeoutError:
        print("TimeoutError", str(q))
    ev = asyncio.Event()
    ev.set()
    try:
        print(await asyncio.wait_for(ev.wait(), 0))
    except TimeoutError:
        print("TimeoutError", r(ev))
    s = asyncio.Semaphore(1)
    try:
        print(await asyncio.wait_for(s.acquire(), -1), r(s))
    except TimeoutError:
        print("TimeoutError", r(s))

    print("== test_timeout_in_block, timeout() around acquire()")
    lock = asyncio.Lock()
    await lock.acquire()
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1):
            await lock.acquire()
    except TimeoutError:
        print("TimeoutError", r(lock))
    lock.release()

    print("== test_reset_barrier_while_tasks_draining, blocked arrivals cancelled")
    b = asyncio.Barrier(2)
    log = []
    async def w(k):
        try:
            i = await b.wait()
            log.append((k, "passed", i, r(b)))
            return i
        except BaseException as e:
            log.append((k, type(e).__name__, str(e), r(b)))
            raise
    ts = [asyncio.create_task(w(k)) for k in range(2)]
    await asyncio.sleep(0)   # tripped: draining
    rt = asyncio.create_task(b.reset())
    late = [asyncio.create_task(w(k)) for k in (5, 6, 7)]
    await asyncio.sleep(0)
    print("state", r(b), st(ts), st(late))
    late[0].cancel()
    await asyncio.sleep(0)
    print("state", r(b), st(ts), st(late))
    await asyncio.sleep(0)
    print("state", r(b), st(ts), st(late))
    late[2].cancel()
    await asyncio.gather(*ts, *late, rt, return_exceptions=True)
    for x in log:
        print(" ", *x)
    print(r(b), st(ts), st(late))

    print("== test_abort_barrier_when_tasks_half_draining_half_blocking, blocked arrivals")
    b = asyncio.Barrier(2)
    log = []
    ts = [asyncio.create_task(w(k)) for k in range(2)]
    await asyncio.sleep(0)
    late = [asyncio.create_task(w(k)) for k in (5, 6)]
    at = asyncio.create_task(b.abort())
    await asyncio.gather(*ts, *late, at, return_exceptions=True)
    for x in log:
        print(" ", *x)
    print(r(b), st(ts), st(late))

    print("== test_explicit_lock, two conditions on one lock")
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    async def cw(c, k):
        async with c:
            await c.wait()
            log.append((k, "woke", r(c1), r(c2)))
    log = []
    ts = [asyncio.create_task(cw(c, k)) for c, k in ((c1, "a"), (c2, "b"), (c1, "c"))]
    await asyncio.sleep(0)
    print(r(c1), r(c2), r(lock))
    async with c2:
        c2.notify_all()
    await asyncio.sleep(0)
    print(r(c1), r(c2), st(ts))
    async with c1:
        c1.notify(1)
        print("in c1", r(c1), r(c2), r(lock))
    await asyncio.sleep(0)
    async with lock:
        c1.notify_all()
    await asyncio.gather(*ts)
    for x in log:
        print(" ", *x)

    print("== test_order (LifoQueue), bounded with waiting putters")
    q = asyncio.LifoQueue(2)
    ps = [asyncio.create_task(q.put(i)) for i in range(5)]
    await asyncio.sleep(0)
    print(str(q))
    out = []
    while len(out) < 5:
        out.append(q.get_nowait())
        print(" got", out[-1], str(q))
        await asyncio.sleep(0)
    print(out, str(q))


asyncio.run(main())
