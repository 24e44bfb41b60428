import asyncio

# Queue hand-over under cancellation and contention. put_nowait() only wakes a getter: the item
# stays in the queue until the getter runs. So a woken getter that is cancelled leaves the item
# (and the wake-up goes to the next getter); a woken getter whose item is taken by a newcomer
# goes back to the END of the line; the same for putters and free slots. qsize/empty/full while
# putters and getters wait.
def r(q):
    return str(q)

async def main():
    log = []
    q = None

    async def getter(name):
        try:
            v = await q.get()
        except asyncio.CancelledError:
            log.append(("get cancelled", name, q.qsize()))
            raise
        log.append(("got", name, v))
        return v

    async def putter(name, item):
        try:
            await q.put(item)
        except asyncio.CancelledError:
            log.append(("put cancelled", name, q.qsize(), q.full()))
            raise
        log.append(("put", name, item))

    def flush(tag):
        print(tag, *log, "|", q.qsize(), q.empty(), q.full())
        log.clear()

    print("-- woken getter cancelled: item kept, next getter woken")
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("a")        # wakes 0
    gs[0].cancel()
    gs[1].cancel()           # pending: its future is cancelled
    flush("same iteration")
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")

    print("-- woken getter robbed by get_nowait: whoever runs first takes the next item")
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("b")        # wakes 0
    print("robbed", q.get_nowait())
    q.put_nowait("c")        # wakes 1
    await asyncio.sleep(0)
    flush("tick1")
    q.put_nowait("d")        # wakes 2 (0 is now behind it)
    q.put_nowait("e")        # wakes 0
    await asyncio.sleep(0)
    flush("tick2")

    print("-- two puts wake two getters; a newcomer lines up behind the third")
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("f")
    q.put_nowait("g")
    newcomer = asyncio.create_task(getter("new"))   # queue not empty: takes an item at once
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    q.put_nowait("h")
    await asyncio.sleep(0)
    flush("tick3")
    newcomer.cancel()
    await asyncio.sleep(0)
    flush("newcomer cancelled")

    print("-- putters: woken putter cancelled, slot passed on")
    q = asyncio.Queue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    ps = [asyncio.create_task(putter(i, 10 + i)) for i in range(4)]
    await asyncio.sleep(0)
    flush("full, putters waiting")
    print("get", q.get_nowait())   # wakes 0
    ps[0].cancel()
    ps[1].cancel()
    flush("same iteration")
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("items", [q.get_nowait() for _ in range(q.qsize())])
    await asyncio.sleep(0)
    flush("tick3")

    print("-- putters: woken putter robbed by put_nowait, back to the end")
    q = asyncio.Queue(1)
    q.put_nowait("x")
    ps = [asyncio.create_task(putter(i, i)) for i in range(3)]
    await asyncio.sleep(0)
    print("get", q.get_nowait())   # wakes 0
    q.put_nowait("barge")          # takes the free slot
    flush("same iteration")
    await asyncio.sleep(0)
    flush("tick1")
    got = []
    for _ in range(4):
        got.append(q.get_nowait())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    flush("drained")
    print("order", got)

    print("-- getter cancelled with a message; put cancelled while queue stays full")
    q = asyncio.Queue(1)
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("getter waiting", r(q))
    g.cancel("no more")
    try:
        await g
    except asyncio.CancelledError as e:
        print("get raised", repr(str(e)), r(q))
    q.put_nowait(0)
    p = asyncio.create_task(q.put(1))
    await asyncio.sleep(0)
    print("putter waiting", q.qsize(), q.full())
    p.cancel()
    await asyncio.sleep(0)
    print("putter gone", p.cancelled(), q.get_nowait(), r(q))
    q.task_done()
    print("task done", r(q))

asyncio.run(main())
