import asyncio


def lcg(seed=12345):
    x = seed
    while True:
        x = (1664525 * x + 1013904223) % 2**32
        yield x >> 16


class Job:
    pass


async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (0, "z", 1), (0, "z"), (2, "b", 0)]:
        await q.put(item)
    print("out", [await q.get() for _ in range(q.qsize())])

    # strings and numbers on their own
    q = asyncio.PriorityQueue()
    for s in ["pear", "apple", "fig", "Apple", "apple pie", ""]:
        q.put_nowait(s)
    print("strings", [q.get_nowait() for _ in range(q.qsize())])
    for n in [5, -1, 2.5, 0, 10**15, -7.25]:
        q.put_nowait(n)
    print("numbers", [q.get_nowait() for _ in range(q.qsize())])

    # equal items that print differently (True == 1, False == 0): heapq's exact order
    r = lcg()
    vals = [0, False, 1, True, 2, 3]
    q = asyncio.PriorityQueue()
    out = []
    for i in range(300):
        x = next(r)
        if x % 3 == 0 and not q.empty():
            out.append(q.get_nowait())
        else:
            q.put_nowait(vals[x % len(vals)])
    out.extend(q.get_nowait() for _ in range(q.qsize()))
    print("ties", len(out))
    for i in range(0, len(out), 30):
        print(" ", out[i:i + 30])

    # tuples with ties on the first element and distinct payloads
    q = asyncio.PriorityQueue()
    for i in range(40):
        q.put_nowait((next(r) % 4, i))
    print("tuples", [q.get_nowait()[1] for _ in range(20)])

    # incomparable entries raise TypeError
    q = asyncio.PriorityQueue()
    q.put_nowait((1, "a"))
    try:
        q.put_nowait((1, 2))
    except TypeError as e:
        print("TypeError", e)
    q = asyncio.PriorityQueue()
    q.put_nowait("s")
    try:
        await q.put(5)
    except TypeError as e:
        print("TypeError", e)
    q = asyncio.PriorityQueue()
    q.put_nowait((1, None))
    try:
        q.put_nowait((1, None, 2))
        print("prefix ok", q.get_nowait(), q.get_nowait())
        q.put_nowait((1, None))
        q.put_nowait((1, None))
        print("equal ok", q.qsize())
        q.put_nowait((1, Job()))
    except TypeError as e:
        print("TypeError", e)

    # bounded priority queue: blocked putters, waiting getters
    q = asyncio.PriorityQueue(2)

    async def putter(item):
        await q.put(item)
        print("put", item)

    async def getter(name):
        v = await q.get()
        print(name, "got", v)

    ps = [asyncio.create_task(putter((p, f"job{p}"))) for p in [5, 3, 4, 1]]
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "full", q.full())
    while not (q.empty() and all(p.done() for p in ps)):
        print("get", await q.get())
        await asyncio.sleep(0)
    gs = [asyncio.create_task(getter(f"g{i}")) for i in range(2)]
    await asyncio.sleep(0)
    q.put_nowait((9, "late"))
    q.put_nowait((0, "early"))
    await asyncio.gather(*gs)


asyncio.run(main())
