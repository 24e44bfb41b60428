import asyncio


async def putter(q, name, item):
    try:
        await q.put(item)
        print(name, "put", item)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "p1", "x1"))
    p2 = asyncio.create_task(putter(q, "p2", "x2"))
    p3 = asyncio.create_task(putter(q, "p3", "x3"))
    await asyncio.sleep(0)
    # a waiting putter cancelled leaves the line
    p2.cancel()
    await asyncio.sleep(0)
    print("get", q.get_nowait())   # wakes p1
    await asyncio.sleep(0)
    print("get", q.get_nowait())   # wakes p3 (p2 is gone)
    await asyncio.sleep(0)
    print("get", q.get_nowait())
    print("states", p1.done(), p2.cancelled(), p3.done(), "qsize", q.qsize())

    # woken then cancelled in the same iteration: the free slot goes to the next putter
    q.put_nowait("full")
    r1 = asyncio.create_task(putter(q, "r1", "y1"))
    r2 = asyncio.create_task(putter(q, "r2", "y2"))
    await asyncio.sleep(0)
    print("get", q.get_nowait())   # wakes r1
    r1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("r1", r1.cancelled(), "r2", r2.done(), "qsize", q.qsize(), "item", q.get_nowait())

    # wait_for on a blocked put: it times out and the put leaves the line
    q.put_nowait("full2")
    try:
        await asyncio.wait_for(q.put("late"), 0.05)
    except asyncio.TimeoutError:
        print("put timed out; qsize", q.qsize())
    print("get", q.get_nowait(), "empty", q.empty())
    await q.put("ok")
    print("put ok; get", q.get_nowait())


asyncio.run(main())
