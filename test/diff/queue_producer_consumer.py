import asyncio


async def producer(q, name, items):
    for it in items:
        await q.put((name, it))
        print(name, "put", it, "qsize", q.qsize())
    print(name, "done")


async def consumer(q, name, out):
    while True:
        item = await q.get()
        print(name, "got", item)
        out.append(item)
        q.task_done()
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue()
    out = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", out)) for i in range(2)]
    producers = [asyncio.create_task(producer(q, f"p{i}", range(i * 10, i * 10 + 4))) for i in range(3)]
    await asyncio.gather(*producers)
    print("producers finished, qsize", q.qsize())
    await q.join()
    print("joined, got", len(out), "items")
    for c in consumers:
        c.cancel()
    res = await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers", [type(r).__name__ for r in res])
    print("empty", q.empty(), "full", q.full(), "maxsize", q.maxsize)

    # a single task puts then gets: no suspension at all on a non-empty / non-full queue
    q2 = asyncio.Queue()
    for i in range(3):
        await q2.put(i)
    print("q2", [await q2.get() for _ in range(3)])


asyncio.run(main())
