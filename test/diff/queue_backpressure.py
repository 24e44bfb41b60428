import asyncio


async def putter(q, name, item):
    print(name, "putting", item)
    await q.put(item)
    print(name, "put", item, "qsize", q.qsize())


async def getter(q, name):
    print(name, "getting")
    item = await q.get()
    print(name, "got", item, "qsize", q.qsize())
    return item


async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print("full", q.full())
    puts = [asyncio.create_task(putter(q, f"P{i}", f"x{i}")) for i in range(4)]
    await asyncio.sleep(0)
    print("blocked putters waiting; qsize", q.qsize())
    # each get frees one slot: the first blocked putter in line takes it
    for i in range(3):
        print("main get_nowait", q.get_nowait())
        await asyncio.sleep(0)
        print("after step", i, "qsize", q.qsize(), "full", q.full())
    # drain, then several blocked getters
    while not q.empty():
        print("drain", q.get_nowait())
        await asyncio.sleep(0)
    gets = [asyncio.create_task(getter(q, f"G{i}")) for i in range(4)]
    await asyncio.sleep(0)
    print("getters waiting")
    q.put_nowait("y0")
    q.put_nowait("y1")
    print("main put_nowait y0 y1 in one iteration")
    await asyncio.sleep(0)
    print("qsize", q.qsize())
    q.put_nowait("y2")
    print("main put_nowait y2")
    await asyncio.sleep(0)
    q.put_nowait("y3")
    q.put_nowait("y4")
    print("main put_nowait y3 y4")
    await asyncio.sleep(0)
    print("left", q.qsize(), [q.get_nowait() for _ in range(q.qsize())])
    print("gets", [t.result() for t in gets if t.done()], "pending", sum(not t.done() for t in gets))
    for t in puts + gets:
        t.cancel()
    await asyncio.gather(*puts, *gets, return_exceptions=True)

    # a putter that wakes finds the slot taken by put_nowait in between: it waits again, at the back
    q = asyncio.Queue(1)
    q.put_nowait(0)
    p1 = asyncio.create_task(putter(q, "S1", 1))
    p2 = asyncio.create_task(putter(q, "S2", 2))
    await asyncio.sleep(0)
    print("get", q.get_nowait())  # wakes S1
    q.put_nowait(99)              # steals the slot before S1 runs
    print("stolen; get", q.get_nowait())  # wakes S2 (S1 is no longer in line)
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "item", q.get_nowait())
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "item", q.get_nowait())
    await asyncio.gather(p1, p2)


asyncio.run(main())
