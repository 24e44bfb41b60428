import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("produced", i, "qsize", q.qsize())
    await q.put(None)
    await q.put(None)


async def consumer(q, name, results):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            print(name, "stops")
            return
        print(name, "consumed", item)
        results.append((name, item))
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(2)
    results = []
    await asyncio.gather(producer(q, 6), consumer(q, "gen", results), consumer(q, "async", results))
    await q.join()
    print("results", results)
    # a LIFO stack shared the same way
    s = asyncio.LifoQueue()
    for i in range(4):
        await s.put(i)
    got = await asyncio.gather(s.get(), s.get())
    print("lifo gathered", got, "left", s.qsize())


asyncio.run(main())
