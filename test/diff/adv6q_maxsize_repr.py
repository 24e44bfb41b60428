import asyncio

# Odd maxsize values and str() of queues: maxsize inf, -inf, negative, 0, 1 and 2 (full(),
# empty(), qsize(), put_nowait/QueueFull, get_nowait/QueueEmpty and their repr/str), str() with
# items of many kinds (long strings shown in full, quotes, None/True/floats/nan/-0.0, nested
# lists, more than six items), the _getters[n]/_putters[n]/tasks=n parts as waiters come, are
# cancelled (still listed until they run) and leave, LifoQueue/PriorityQueue layouts, and a
# get()/put() coroutine awaited twice (RuntimeError).
async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    print("-- odd maxsize")
    for m in (float("inf"), float("-inf"), -3, -1, 0, 1, 2):
        q = asyncio.Queue(m)
        row = [str(q), q.maxsize, q.full(), q.empty(), q.qsize()]
        for i in range(3):
            try:
                q.put_nowait(i)
                row.append(("put", i, q.full()))
            except asyncio.QueueFull as e:
                row.append(("QueueFull", repr(e), str(e), q.qsize()))
        print(*row)
        print("  ", str(q))
        got = []
        for i in range(4):
            try:
                got.append(q.get_nowait())
            except asyncio.QueueEmpty as e:
                got.append(("QueueEmpty", repr(e), str(e)))
        print("  ", got, str(q), q.empty(), q.full())
        for i in range(4):
            try:
                q.task_done()
                got.append(("done", str(q)))
            except ValueError as e:
                got.append(("ValueError", str(e)))
        print("  ", got[-4:])

    print("-- items of many kinds")
    q = asyncio.Queue()
    for x in ("x" * 40, list(range(10)), "it's", 'a"b\'c', [None, True, False, 0.5, -0.0, float("nan"), 2.5e-20, 1e-07, -2.5],
              ["a" * 35, [1, [2, [3, []]]]], "", "tab\there", None, True, 0.1):
        q.put_nowait(x)
    print(str(q))
    while not q.empty():
        print(" ", repr(q.get_nowait()), q.qsize())
    print(str(q))

    print("-- waiters in the str")
    q = asyncio.Queue(1)
    getters = [asyncio.create_task(q.get(), name=f"g{i}") for i in range(3)]
    print("created", str(q))
    await spin(1)
    print("waiting", str(q))
    getters[1].cancel()
    print("g1 cancel requested", str(q))
    await spin(1)
    print("g1 ran", str(q), getters[1].cancelled())
    q.put_nowait("A")
    print("put A", str(q))
    putters = [asyncio.create_task(q.put(f"P{i}")) for i in range(3)]
    await spin(1)
    print("putters waiting", str(q), [t.done() for t in getters])
    putters[0].cancel()
    putters[2].cancel()
    print("p0 p2 cancel requested", str(q))
    await spin(1)
    print("after", str(q), [t.cancelled() for t in putters])
    q.put_nowait("B") if not q.full() else print("full, QueueFull expected")
    try:
        q.put_nowait("C")
    except asyncio.QueueFull:
        print("QueueFull", str(q))
    print("getter results", [t.result() if t.done() and not t.cancelled() else "C" if t.cancelled() else "P" for t in getters])
    while q.qsize() or not all(t.done() for t in putters + getters):
        if q.qsize():
            print(" got", q.get_nowait(), str(q))
        await spin(1)
    print("end", str(q))
    for i in range(5):
        try:
            q.task_done()
        except ValueError as e:
            print("ValueError", e, str(q))
            break
    print("final", str(q))

    print("-- lifo and priority layouts")
    lq = asyncio.LifoQueue(3)
    pq = asyncio.PriorityQueue(3)
    for x in (5, 1, 4):
        lq.put_nowait(x)
        pq.put_nowait(x)
        print(" ", str(lq), str(pq), lq.full(), pq.full())
    for qq in (lq, pq):
        try:
            qq.put_nowait(0)
        except asyncio.QueueFull:
            print("QueueFull", type(qq).__name__, qq.qsize())
    print(" ", lq.get_nowait(), pq.get_nowait(), str(lq), str(pq))

    print("-- a coroutine awaited twice")
    q = asyncio.Queue(1)
    q.put_nowait("one")
    c = q.get()
    print("first", await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    p = q.put("two")
    await p
    try:
        await p
    except RuntimeError as e:
        print("RuntimeError", e, str(q))
    print("still works", await q.get(), str(q))

asyncio.run(main())
