import asyncio

# str() of queues holding items (asyncio prints the list of items, in storage order: FIFO order,
# the LIFO stack bottom first, the PriorityQueue heap as laid out), with maxsize, waiters and
# unfinished tasks.
async def main():
    q = asyncio.Queue(3)
    print(str(q))
    q.put_nowait(1)
    print(str(q))
    q.put_nowait("two")
    q.put_nowait([3, "x"])
    print(str(q))
    p = asyncio.create_task(q.put(4))
    await asyncio.sleep(0)
    print(str(q))
    print(q.get_nowait(), str(q))
    await p
    print(str(q))

    lq = asyncio.LifoQueue()
    for x in [1, 2, 3]:
        lq.put_nowait(x)
    print(str(lq), lq.get_nowait(), str(lq))

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait(x)
    print(str(pq), pq.get_nowait(), str(pq))

    eq = asyncio.Queue()
    g = asyncio.create_task(eq.get())
    await asyncio.sleep(0)
    print(str(eq))
    eq.put_nowait([])
    print(str(eq))
    print(await g, str(eq))

asyncio.run(main())
