import asyncio

# Order of items and waiters: LifoQueue with put_nowait/get_nowait interleaved with getters that
# wait (a woken getter takes whatever is on top when it runs, not the item that woke it);
# PriorityQueue with equal priorities and tuples, and several items put before the woken
# getters run; a bounded queue whose full-queue putters are woken in FIFO order, several in one
# iteration; maxsize <= 0 is unbounded.
async def main():
    log = []

    async def getter(q, name):
        v = await q.get()
        log.append((name, v))
        return v

    async def putter(q, name, item):
        await q.put(item)
        log.append(("put", name, q.qsize(), q.full()))

    def flush(tag, q):
        print(tag, *log, "|", q.qsize(), q.full())
        log.clear()

    print("-- LifoQueue: woken getters take the top when they run")
    q = asyncio.LifoQueue()
    gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(4)]
    await asyncio.sleep(0)
    q.put_nowait(1)          # wakes g0
    q.put_nowait(2)          # wakes g1
    q.put_nowait(3)          # wakes g2
    print("top taken now", q.get_nowait())   # 3
    q.put_nowait(4)          # wakes g3
    flush("same iteration", q)
    await asyncio.sleep(0)
    flush("tick", q)
    g3 = gs[3]
    gs = [asyncio.create_task(getter(q, f"h{i}")) for i in range(2)]
    q.put_nowait("a")
    q.put_nowait("b")        # getters not waiting yet: nobody woken
    await asyncio.sleep(0)
    flush("fast path", q)
    print("g3 still waiting", g3.done())
    g3.cancel()
    await asyncio.sleep(0)
    print("g3", g3.cancelled())

    print("-- PriorityQueue: equal priorities, tuples, woken getters")
    q = asyncio.PriorityQueue()
    gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(5)]
    await asyncio.sleep(0)
    for item in [(2, "b"), (1, "z"), (1, "a"), (2, "a", 0), (1, "a", -1)]:
        q.put_nowait(item)
    await asyncio.sleep(0)
    flush("tick", q)
    q = asyncio.PriorityQueue(3)
    for item in [(5, 0), (5, -1), (5, 0, 0)]:
        q.put_nowait(item)
    ps = [asyncio.create_task(putter(q, i, (i % 2, "p", i))) for i in range(4)]
    await asyncio.sleep(0)
    flush("full", q)
    out = []
    for _ in range(3):
        out.append(q.get_nowait())
        await asyncio.sleep(0)
    flush("after gets", q)
    out.extend(q.get_nowait() for _ in range(q.qsize()))
    await asyncio.sleep(0)
    flush("drained", q)
    out.extend(q.get_nowait() for _ in range(q.qsize()))
    print("out", out)

    print("-- bounded Queue: putters woken in FIFO order, several per iteration")
    q = asyncio.Queue(2)
    q.put_nowait("x0")
    q.put_nowait("x1")
    ps = [asyncio.create_task(putter(q, i, f"p{i}")) for i in range(5)]
    await asyncio.sleep(0)
    flush("waiting", q)
    print("got", q.get_nowait(), q.get_nowait())   # wakes p0 and p1
    flush("freed two", q)
    await asyncio.sleep(0)
    flush("tick1", q)
    print("got", q.get_nowait())                   # wakes p2
    ps[2].cancel()                                 # p2 passes its slot to p3
    ps[4].cancel()
    await asyncio.sleep(0)
    flush("tick2", q)
    await asyncio.sleep(0)
    flush("tick3", q)
    print("rest", [q.get_nowait() for _ in range(q.qsize())], [t.cancelled() for t in ps])

    print("-- bounded LifoQueue: a woken putter's item is the next one out")
    q = asyncio.LifoQueue(2)
    q.put_nowait("a")
    q.put_nowait("b")
    ps = [asyncio.create_task(putter(q, i, f"p{i}")) for i in range(2)]
    await asyncio.sleep(0)
    out = []
    for _ in range(4):
        out.append(q.get_nowait())
        await asyncio.sleep(0)
    flush("tick", q)
    print("out", out)

    print("-- maxsize <= 0: unbounded")
    for m in (0, -1):
        q = asyncio.Queue(m)
        for i in range(5):
            q.put_nowait(i)
        print(m, q.maxsize, q.qsize(), q.full(), q.empty())

asyncio.run(main())
