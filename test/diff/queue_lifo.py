import asyncio


async def main():
    q = asyncio.LifoQueue()
    for i in range(5):
        await q.put(i)
    print("qsize", q.qsize())
    print("out", [await q.get() for _ in range(3)])
    q.put_nowait("x")
    print("out", [q.get_nowait() for _ in range(q.qsize())])

    # bounded LIFO with blocked putters: each freed slot goes to the first putter in line
    q = asyncio.LifoQueue(2)
    q.put_nowait("a")
    q.put_nowait("b")

    async def putter(item):
        await q.put(item)
        print("put", item)

    ts = [asyncio.create_task(putter(f"p{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(5):
        print("get", await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*ts)

    # getters waiting on an empty LIFO queue: first getter first
    async def getter(name):
        v = await q.get()
        print(name, "got", v)

    gs = [asyncio.create_task(getter(f"g{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for i in range(3):
        q.put_nowait(i) if i < 2 else None
    await asyncio.sleep(0)
    q.put_nowait(2)
    await asyncio.gather(*gs)
    print("empty", q.empty())


asyncio.run(main())
