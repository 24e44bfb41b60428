import asyncio

# PriorityQueue and LifoQueue with equal priorities and waiting getters: heap order (str() shows
# the heap array), ties broken by the next list element (lists as [priority, data]), negative and float
# priorities, woken getters take whatever is at the front when they run (not what woke them),
# a LIFO getter cancelled after being woken, bounded LIFO putters, and get_nowait on empty.
async def main():
    log = []
    q = None

    async def getter(name):
        try:
            v = await q.get()
            log.append(("got", name, v))
            return v
        except asyncio.CancelledError:
            log.append(("cancelled", name))
            raise

    def flush(tag):
        print(tag, *log, "|", str(q))
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    print("-- priority ties")
    q = asyncio.PriorityQueue()
    for item in [[2, "b"], [1, "z"], [2, "a"], [1, "y"], [-1, "n"], [0.5, "h"], [1, "x"], [2, "a"]]:
        q.put_nowait(item)
        flush("put %r" % (item,))
    out = []
    while not q.empty():
        out.append(q.get_nowait())
        print("heap", str(q))
    print("order", out)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(str(e)))

    print("-- priority getters waiting, items arrive in one iteration")
    q = asyncio.PriorityQueue()
    gs = [asyncio.create_task(getter(i)) for i in range(4)]
    await spin(1)
    flush("getters")
    q.put_nowait([3, "c"])
    q.put_nowait([1, "a"])
    q.put_nowait([3, "b"])
    gs[1].cancel()
    q.put_nowait([0, "first"])
    flush("four items, getter 1 cancelled")
    await spin(3)
    flush("after")
    print("left", str(q), [t.cancelled() or t.result() for t in gs])

    print("-- lifo getters")
    q = asyncio.LifoQueue()
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await spin(1)
    q.put_nowait("one")
    q.put_nowait("two")
    gs[0].cancel()
    q.put_nowait("three")
    flush("three items, woken getter 0 cancelled")
    await spin(3)
    flush("after")
    print("left", str(q))

    print("-- bounded lifo putters")
    q = asyncio.LifoQueue(2)
    async def putter(v):
        await q.put(v)
        log.append(("put", v))
    q.put_nowait("p")
    q.put_nowait("q")
    ps = [asyncio.create_task(putter(v)) for v in ("r", "s", "t")]
    await spin(1)
    flush("putters waiting")
    print("get", q.get_nowait())
    print("get", q.get_nowait())
    ps[1].cancel()
    flush("two gets, putter s cancelled")
    await spin(3)
    flush("after")
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    print("drained", out, q.maxsize, q.full())

asyncio.run(main())
