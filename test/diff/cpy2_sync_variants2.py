import asyncio

# More variations on CPython test_locks.py / test_queues.py scenarios, as traces:
# test_wait_for (Condition) with a predicate that raises after a wake-up (the lock is held
# again when the exception leaves wait_for); test_join_empty_queue's join() with a join()
# task cancelled beside another; Semaphore test_acquire_cancel with a newcomer taking the unit
# a cancelled waiter cannot; Lock test_cancel_race with cancel(), release(), cancel() as three
# callbacks (the lock stays free with waiters until the second cancelled waiter passes the
# wake-up on); test_put_cancel_drop with several putters, a woken one and a waiting one
# cancelled together.

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


class Boom(Exception):
    pass


async def main():
    print("== test_wait_for, the predicate raises")
    cond = asyncio.Condition()
    calls = [0]
    def pred():
        calls[0] += 1
        if calls[0] == 2:
            raise Boom("pred %d" % calls[0])
        return False
    async def waiter():
        async with cond:
            try:
                await cond.wait_for(pred)
            except Boom as e:
                print("  Boom", e, cond.locked(), r(cond))
                raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiting", r(cond), calls)
    async with cond:
        cond.notify()
    await asyncio.gather(t, return_exceptions=True)
    print("done", type(t.exception()).__name__, r(cond), calls)

    print("== test_join_empty_queue, a join() cancelled")
    q = asyncio.Queue()
    q.put_nowait(1)
    j1 = asyncio.create_task(q.join())
    j2 = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    j1.cancel()
    await asyncio.sleep(0)
    print(j1.cancelled(), j2.done(), str(q))
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0)
    print(j2.done(), str(q))

    print("== test_acquire_cancel (Semaphore), a newcomer")
    s = asyncio.Semaphore(0)
    w1 = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    w1.cancel()
    print(s.locked(), r(s))
    s.release()
    print(s.locked(), r(s))
    print("newcomer", await s.acquire(), r(s))
    await asyncio.sleep(0)
    print(w1.cancelled(), r(s))

    print("== test_cancel_race, cancel release cancel")
    lock = asyncio.Lock()
    await lock.acquire()
    loop = asyncio.get_running_loop()
    ws = [asyncio.create_task(lock.acquire(), name="w%d" % i) for i in range(4)]
    await asyncio.sleep(0)
    loop.call_soon(ws[0].cancel)
    loop.call_soon(lock.release)
    loop.call_soon(ws[1].cancel)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print([("C" if t.cancelled() else "D") if t.done() else "P" for t in ws], r(lock))
    await asyncio.sleep(0)
    print([("C" if t.cancelled() else "D") if t.done() else "P" for t in ws], r(lock))
    lock.release()
    await asyncio.sleep(0)
    print([("C" if t.cancelled() else "D") if t.done() else "P" for t in ws], r(lock))

    print("== test_put_cancel_drop, several putters")
    q = asyncio.Queue(1)
    q.put_nowait(0)
    ps = [asyncio.create_task(q.put(i)) for i in range(1, 5)]
    await asyncio.sleep(0)
    q.get_nowait()
    q.get_nowait() if q.qsize() else None
    ps[0].cancel()
    ps[1].cancel()
    print(str(q))
    await asyncio.sleep(0)
    print(str(q), [("C" if t.cancelled() else "D") if t.done() else "P" for t in ps])
    while not all(t.done() for t in ps):
        if q.qsize():
            print(" got", q.get_nowait(), str(q))
        await asyncio.sleep(0)
    print(str(q))


asyncio.run(main())
