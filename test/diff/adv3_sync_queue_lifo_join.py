import asyncio

# Getters woken by several puts in one iteration take items in the queue's order at the time
# each runs (LifoQueue: the last put first; PriorityQueue: the smallest), not the item whose put
# woke them; bounded LifoQueue putters; join() with several joiners, one cancelled; task_done()
# too often (ValueError, counter untouched); join() woken by the last task_done() even when a
# put_nowait() follows in the same iteration; qsize/empty/full at each step.
async def main():
    log = []

    def st(q):
        return (q.qsize(), q.empty(), q.full())

    async def getter(q, name):
        v = await q.get()
        log.append(("got", name, v, st(q)))
        return v

    def flush(tag, q):
        print(tag, *log, "|", st(q))
        log.clear()

    for cls in (asyncio.LifoQueue, asyncio.PriorityQueue, asyncio.Queue):
        print("--", cls.__name__, "three puts wake three getters")
        q = cls()
        gs = [asyncio.create_task(getter(q, i)) for i in range(3)]
        await asyncio.sleep(0)
        for x in [(2, "b"), (1, "a"), (3, "c")]:
            q.put_nowait(x)
        newcomer = asyncio.create_task(getter(q, "new"))
        flush("put", q)
        await asyncio.sleep(0)
        flush("tick1", q)
        q.put_nowait((0, "z"))
        await asyncio.sleep(0)
        flush("tick2", q)
        await asyncio.gather(*gs, newcomer)

    print("-- bounded LifoQueue: putters and the order items come out")
    q = asyncio.LifoQueue(2)
    async def putter(name, item):
        await q.put(item)
        log.append(("put", name, item, st(q)))
    q.put_nowait("p0")
    q.put_nowait("p1")
    ps = [asyncio.create_task(putter(i, "w%d" % i)) for i in range(3)]
    await asyncio.sleep(0)
    flush("full", q)
    out = [q.get_nowait()]
    out.append(q.get_nowait())
    flush("took two", q)
    await asyncio.sleep(0)
    flush("tick1", q)
    out.append(q.get_nowait())
    await asyncio.sleep(0)
    flush("tick2", q)
    while not q.empty():
        out.append(q.get_nowait())
        await asyncio.sleep(0)
    flush("drained", q)
    print("order", out)

    print("-- join with several joiners")
    q = asyncio.Queue()
    async def joiner(name):
        try:
            await q.join()
        except asyncio.CancelledError:
            log.append(("join cancelled", name))
            raise
        log.append(("joined", name, st(q)))
    print("join on fresh queue returns at once:", await q.join())
    for x in range(2):
        q.put_nowait(x)
    js = [asyncio.create_task(joiner(i)) for i in range(3)]
    await asyncio.sleep(0)
    flush("joiners wait", q)
    q.get_nowait()
    q.get_nowait()
    q.task_done()
    js[1].cancel()
    await asyncio.sleep(0)
    flush("one done, one cancelled", q)
    q.task_done()          # last: wakes 0 and 2
    q.put_nowait("again")  # unfinished again before they run
    await asyncio.sleep(0)
    flush("woken despite new item", q)
    late = asyncio.create_task(joiner("late"))
    await asyncio.sleep(0)
    flush("late joiner waits", q)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", str(e))
    await asyncio.sleep(0)
    flush("late joined", q)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", str(e))
    q.put_nowait("x")
    q.task_done()
    print("task_done before get is allowed", st(q), await q.join())
    print(q.get_nowait(), [t.cancelled() for t in js], late.done())

asyncio.run(main())
