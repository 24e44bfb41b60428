import asyncio

# Variations on CPython test_queues.py test_get_with_putters, test_put_with_waiting_getters
# and test_why_are_getters_waiting / test_why_are_putters_waiting, as traces: a woken getter
# whose item is taken by get_nowait() before it runs waits again at the end of the line (a
# later put wakes the next getter, and the first one still takes it); a woken putter whose slot
# is filled by put_nowait() before it runs waits again behind the others; one Semaphore release
# and then two more with three waiters (test_acquire); join() when the last task_done() is
# followed at once by a new put (the join still returns, as the Event was set).
def st(ts):
    return [("C" if t.cancelled() else "D:%r" % (t.result(),)) if t.done() else "P" for t in ts]


async def main():
    print("== test_get_with_putters, a woken getter robbed")
    q = asyncio.Queue()
    g = [asyncio.create_task(q.get(), name="g%d" % i) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    print(str(q), q.get_nowait(), str(q))
    q.put_nowait("y")
    print(str(q))
    await asyncio.sleep(0)
    print(str(q), st(g))
    q.put_nowait("z")
    q.put_nowait("w")
    print(str(q))
    await asyncio.sleep(0)
    print(str(q), st(g))
    await asyncio.sleep(0)
    print(str(q), st(g))

    print("== test_put_with_waiting_getters, a woken putter's slot taken")
    q = asyncio.Queue(1)
    q.put_nowait(0)
    p = [asyncio.create_task(q.put(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    print(str(q), q.get_nowait(), str(q))
    q.put_nowait(9)
    print(str(q))
    print(q.get_nowait(), str(q))
    await asyncio.sleep(0)
    print(str(q), st(p))
    for _ in range(4):
        if q.qsize():
            print(" got", q.get_nowait(), str(q))
        await asyncio.sleep(0)
        print(" ", str(q), st(p))

    print("== test_acquire (Semaphore), releases one then two")
    s = asyncio.Semaphore(0)
    ws = [asyncio.create_task(s.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    s.release()
    print(s.locked(), [t.done() for t in ws])
    s.release()
    s.release()
    await asyncio.sleep(0)
    print(s.locked(), st(ws))

    print("== test_task_done, join() woken then a new item")
    q = asyncio.Queue()
    q.put_nowait(1)
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()
    q.put_nowait(2)
    print(str(q), j.done())
    await asyncio.sleep(0)
    print(str(q), j.done())


asyncio.run(main())
