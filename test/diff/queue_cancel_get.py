import asyncio


async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
        return v
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue()
    # 1. cancel a getter that is still waiting: it leaves the line
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    print("cancel g1 ->", g1.cancel())
    await asyncio.sleep(0)
    q.put_nowait("a")
    await asyncio.sleep(0)
    print("g1", g1.cancelled(), "g2", g2.result(), "qsize", q.qsize())

    # 2. a getter woken by put_nowait and cancelled in the same iteration passes the wake-up on
    h1 = asyncio.create_task(getter(q, "h1"))
    h2 = asyncio.create_task(getter(q, "h2"))
    h3 = asyncio.create_task(getter(q, "h3"))
    await asyncio.sleep(0)
    q.put_nowait("b")          # wakes h1
    print("cancel h1 ->", h1.cancel())  # h1 was woken: its getter is done, the cancellation wins
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("h1", h1.cancelled(), "h2", h2.result() if h2.done() else "pending", "h3 done", h3.done(), "qsize", q.qsize())

    # 3. two items, two woken getters, both cancelled: the items stay in the queue for h3 and a new getter
    h4 = asyncio.create_task(getter(q, "h4"))
    await asyncio.sleep(0)
    q.put_nowait("c")   # wakes h3
    q.put_nowait("d")   # wakes h4
    h3.cancel()
    h4.cancel()
    h5 = asyncio.create_task(getter(q, "h5"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("h3", h3.cancelled(), "h4", h4.cancelled(), "h5", h5.result() if h5.done() else "pending", "qsize", q.qsize())
    print("left", q.get_nowait() if not q.empty() else None)

    # 4. cancel with a message; the get is gone from the line
    k = asyncio.create_task(getter(q, "k"))
    await asyncio.sleep(0)
    k.cancel("bye")
    try:
        await k
    except asyncio.CancelledError as e:
        print("k raised", repr(str(e)))
    q.put_nowait("e")
    print("qsize after k", q.qsize(), q.get_nowait())

    # 5. a getter that catches the cancellation and gets again
    async def defiant():
        try:
            await q.get()
        except asyncio.CancelledError:
            print("defiant: ignoring cancel")
        v = await q.get()
        print("defiant got", v)
        return v

    s = asyncio.create_task(defiant())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    q.put_nowait("f")
    print("defiant result", await s)


asyncio.run(main())
