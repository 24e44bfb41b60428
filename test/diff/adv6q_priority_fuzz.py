import asyncio

# PriorityQueue against heapq with many ties, driven by a deterministic generator (Park-Miller):
# numbers mixing ints, halves, booleans (True == 1), -0.0 and 0, inf and nan (every comparison
# with nan is false, so its place depends on heapq's exact comparisons); lists compared as
# tuples (equal heads, a shorter list before a longer one, booleans against ints, strings with
# characters above U+FFFF and in U+E000-U+FFFF); and plain strings. Each get and the heap layout
# (str) every few steps; then getters waiting on an empty PriorityQueue fed several entries in
# one iteration, and a bounded one whose putters wait.
seed = 12345
def rnd(n):
    global seed
    seed = seed * 48271 % 2147483647
    return seed % n

STRS = ["a", "b", "", "ab", "\ue000", "\U0001F600", "\uffff", "z", "A"]

def number():
    k = rnd(8)
    p = rnd(4)
    if k < 3:
        return p
    if k < 5:
        return p + 0.5
    if k == 5:
        return [True, False, -0.0][rnd(3)]
    if k == 6:
        return [float("inf"), -0.5][rnd(2)]
    return float("nan") if rnd(4) == 0 else p

def entry():
    k = rnd(5)
    head = [rnd(3), True, 1.5, 0][rnd(4)]
    if k == 0:
        return [head]
    if k == 4:
        return [head, STRS[rnd(len(STRS))], rnd(3)]
    return [head, STRS[rnd(len(STRS))]]

def string():
    return STRS[rnd(len(STRS))] + STRS[rnd(len(STRS))]

async def main():
    for name, make in (("numbers", number), ("lists", entry), ("strings", string)):
        print("--", name)
        q = asyncio.PriorityQueue()
        out = []
        for step in range(150):
            if rnd(3) != 0:
                q.put_nowait(make())
            elif not q.empty():
                out.append(q.get_nowait())
            if step % 30 == 29:
                print(" out", out)
                out = []
                print(" ", str(q))
        while not q.empty():
            out.append(q.get_nowait())
        print(" drained", out)
        try:
            q.get_nowait()
        except asyncio.QueueEmpty:
            print(" QueueEmpty", q.qsize())

    print("-- getters fed in one iteration")
    q = asyncio.PriorityQueue()
    async def getter(i):
        v = await q.get()
        print("  getter", i, "got", repr(v), str(q))
        return v
    gs = [asyncio.create_task(getter(i)) for i in range(4)]
    await asyncio.sleep(0)
    for _ in range(6):
        q.put_nowait(entry())
    print(" ", str(q))
    await asyncio.gather(*gs)
    print(" left", str(q))

    print("-- bounded with putters")
    q = asyncio.PriorityQueue(3)
    async def putter(v):
        await q.put(v)
        print("  put", repr(v), str(q))
    ps = []
    for _ in range(6):
        ps.append(asyncio.create_task(putter(number())))
    await asyncio.sleep(0)
    print(" ", str(q))
    while not all(p.done() for p in ps) or not q.empty():
        print("  get", repr(q.get_nowait()))
        await asyncio.sleep(0)
    print(" end", str(q))

asyncio.run(main())
