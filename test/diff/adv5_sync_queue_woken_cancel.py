import asyncio

# Queue getters and putters cancelled after being woken: the item (or slot) is handed over to the
# next waiter, a woken getter cancelled while another getter was cancelled before, putters on a
# full queue cancelled in the iteration a slot opens, str() of the queue with stale waiters
# listed, join() with task_done() called too often (ValueError, the loop keeps working) and
# join() waiters cancelled while others are released.
async def main():
    log = []
    q = None

    async def getter(name):
        try:
            v = await q.get()
            log.append(("got", name, v))
            return v
        except asyncio.CancelledError as e:
            log.append(("get cancelled", name, e.args))
            raise

    async def putter(name, v):
        try:
            await q.put(v)
            log.append(("put", name, v))
            return v
        except asyncio.CancelledError as e:
            log.append(("put cancelled", name, e.args))
            raise

    def flush(tag):
        print(tag, *log, "|", str(q), q.qsize())
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- woken getters cancelled")
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(i)) for i in range(5)]
    await spin(1)
    flush("five getters")
    gs[1].cancel("before")
    q.put_nowait("a")
    q.put_nowait("b")
    flush("two items")
    gs[0].cancel("woken")
    flush("cancel woken 0")
    await spin(3)
    flush("after")
    print("states", states(gs))
    q.put_nowait("c")
    gs[4].cancel()
    q.put_nowait("d")
    await spin(3)
    flush("c, cancel 4, d")
    print("states", states(gs), q.qsize())

    print("-- woken putters cancelled")
    q = asyncio.Queue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    ps = [asyncio.create_task(putter(i, 10 + i)) for i in range(4)]
    await spin(1)
    flush("four putters on a full queue")
    print("get", q.get_nowait())
    ps[0].cancel("slot lost")
    flush("one slot, its putter cancelled")
    await spin(3)
    flush("after")
    print("get", q.get_nowait(), q.get_nowait())
    ps[2].cancel()
    await spin(3)
    flush("two slots, putter 2 cancelled")
    print("states", states(ps), q.full())
    try:
        q.put_nowait(99)
    except asyncio.QueueFull:
        print("QueueFull", str(q))
    while not q.empty():
        q.get_nowait()

    print("-- task_done too often, join waiters cancelled")
    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", str(e))
    for i in range(3):
        q.put_nowait(i)
    async def joiner(name):
        try:
            await q.join()
            log.append(("joined", name))
        except asyncio.CancelledError:
            log.append(("join cancelled", name))
            raise
    js = [asyncio.create_task(joiner(i)) for i in range(3)]
    await spin(1)
    flush("three joiners")
    for i in range(3):
        q.get_nowait()
    q.task_done()
    q.task_done()
    js[1].cancel()
    flush("two done, joiner 1 cancelled")
    q.task_done()
    js[2].cancel()
    flush("all done, joiner 2 cancelled in the same iteration")
    await spin(2)
    flush("after")
    print("states", [("C" if t.cancelled() else "ok") for t in js])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", str(e))
    await q.join()
    q.put_nowait("x")
    print("get", await q.get())
    q.task_done()
    await q.join()
    flush("still working")

asyncio.run(main())
