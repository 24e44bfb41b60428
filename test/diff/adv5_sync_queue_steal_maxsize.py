import asyncio

# Queue hand-over that is not a hand-over: a getter woken by put_nowait() has not run when a
# newcomer's get_nowait() (or get()) takes the item, so the woken getter waits again (at the back
# of the line); the same for a putter woken by a free slot whose slot a newcomer fills; maxsize
# 0, negative and 1 (full(), str()), QueueEmpty/QueueFull while waiters are listed, and qsize
# through all of it.
async def main():
    log = []
    q = None

    async def getter(name):
        try:
            v = await q.get()
            log.append(("got", name, v))
            return v
        except asyncio.CancelledError:
            log.append(("get cancelled", name))
            raise

    async def putter(name, v):
        try:
            await q.put(v)
            log.append(("put", name, v))
            return v
        except asyncio.CancelledError:
            log.append(("put cancelled", name))
            raise

    def flush(tag):
        print(tag, *log, "|", str(q), q.qsize(), q.full(), q.empty())
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- woken getter robbed by get_nowait")
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(i)) for i in range(2)]
    await spin(1)
    q.put_nowait("x")
    print("stolen", q.get_nowait())
    flush("put then get_nowait")
    await spin(2)
    flush("after")
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", str(q))
    q.put_nowait("y")
    q.put_nowait("z")
    await spin(2)
    flush("two more")
    print("states", states(gs))

    print("-- woken getter robbed by a newcomer task")
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter("A"))]
    await spin(1)
    gs.append(asyncio.create_task(getter("N")))  # first step queued before A's wake-up
    q.put_nowait(1)
    await spin(1)
    flush("tick1")
    q.put_nowait(2)
    await spin(1)
    flush("tick2")
    print("states", states(gs))

    print("-- woken putter robbed by put_nowait")
    q = asyncio.Queue(1)
    q.put_nowait("full")
    ps = [asyncio.create_task(putter(i, "p%d" % i)) for i in range(2)]
    await spin(1)
    flush("two putters")
    print("get", q.get_nowait())
    q.put_nowait("thief")
    flush("slot taken by put_nowait")
    try:
        q.put_nowait("again")
    except asyncio.QueueFull:
        print("QueueFull", str(q))
    await spin(2)
    flush("after")
    print("get", q.get_nowait())
    await spin(2)
    flush("slot freed")
    print("get", q.get_nowait())
    await spin(2)
    flush("slot freed")
    print("states", states(ps))

    print("-- maxsize 0 and negative")
    for m in (0, -1, -100):
        q = asyncio.Queue(m)
        for i in range(5):
            q.put_nowait(i)
        await q.put(5)
        flush("maxsize %d" % m)
        print("maxsize", q.maxsize)

    print("-- maxsize 1 ping-pong with cancelled waiters on both sides")
    q = asyncio.Queue(1)
    ps = [asyncio.create_task(putter(i, i)) for i in range(4)]
    await spin(1)
    flush("one in, three waiting")
    ps[2].cancel()
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await spin(1)
    flush("three getters ran")
    gs[1].cancel()
    await spin(3)
    flush("after")
    print("states", states(ps), states(gs))

asyncio.run(main())
