import asyncio

# Variations on CPython test_locks.py / test_queues.py scenarios, as traces:
# test_filling_tasks_cancel_one with the cancellation arriving after the barrier tripped, and
# while a party is blocked by draining; Event test_wait_cancel with set() and cancel() in one
# tick; Condition test_notify with cancelled waiters (skipped by notify(n), each re-acquiring
# the lock before its CancelledError); test_acquire_cancel_before_awoken on a
# BoundedSemaphore (the unit a cancelled waiter was handed comes back, no over-release);
# test_get_cancel_drop_many_pending_readers with one item and a woken getter cancelled.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    print("== test_filling_tasks_cancel_one, cancelled after the trip")
    b = asyncio.Barrier(3)
    async def w(k):
        try:
            i = await b.wait()
            print("  ", k, "passed", i, r(b))
            return i
        except BaseException as e:
            print("  ", k, type(e).__name__, r(b))
            raise
    ts = [asyncio.create_task(w(k)) for k in range(2)]
    await asyncio.sleep(0)
    t3 = asyncio.create_task(w(2))
    await asyncio.sleep(0)
    print("tripped", r(b), [t.done() for t in ts])
    ts[0].cancel()
    res = await asyncio.gather(*ts, t3, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res], r(b))
    ts = [asyncio.create_task(w(k)) for k in range(3)]
    print("again", await asyncio.gather(*ts), r(b))

    print("== test_filling_tasks_cancel_one, cancelled while blocked by draining")
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(w(k)) for k in range(2)]
    await asyncio.sleep(0)
    late = asyncio.create_task(w(9))
    await asyncio.sleep(0)
    print("state", r(b), late.done())
    late.cancel()
    res = await asyncio.gather(*ts, late, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res], r(b))

    print("== test_wait_cancel (Event), set and cancelled in one tick")
    ev = asyncio.Event()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled(), r(ev))

    print("== test_notify, cancelled waiters skipped")
    cond = asyncio.Condition()
    async def cw(k):
        async with cond:
            try:
                await cond.wait()
                print("  ", k, "woke", r(cond))
            except asyncio.CancelledError:
                print("  ", k, "cancelled, locked:", cond.locked())
                raise
    ts = [asyncio.create_task(cw(k)) for k in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[2].cancel()
    async with cond:
        cond.notify(2)
        print("notified", r(cond))
    res = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res], r(cond))

    print("== test_acquire_cancel_before_awoken, BoundedSemaphore")
    s = asyncio.BoundedSemaphore(2)
    await s.acquire()
    await s.acquire()
    ts = [asyncio.create_task(s.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    s.release()
    ts[0].cancel()
    s.release()
    print(r(s))
    try:
        s.release()
    except ValueError as e:
        print("ValueError", e, r(s))
    await asyncio.sleep(0)
    print(r(s), [t.cancelled() if t.done() and t.cancelled() else t.done() for t in ts])
    try:
        s.release()
    except ValueError as e:
        print("ValueError", e, r(s))
    res = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in res], r(s))
    try:
        s.release()
    except ValueError as e:
        print("ValueError", e, r(s))

    print("== test_get_cancel_drop_many_pending_readers, one item")
    q = asyncio.Queue()
    g = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    g[0].cancel()
    print(str(q))
    await asyncio.sleep(0)
    print(str(q), [t.done() for t in g])
    await asyncio.sleep(0)
    print(str(q), [t.result() if t.done() and not t.cancelled() else t.done() for t in g])
    g[2].cancel()
    await asyncio.gather(*g, return_exceptions=True)
    print(str(q))


asyncio.run(main())
