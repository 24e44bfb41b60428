import asyncio

# Odd but legal argument values: Condition.notify() with fractional, infinite, negative and
# default n among waiters (some cancelled), Semaphore(0) and BoundedSemaphore(0) (its first
# release is a ValueError), a semaphore released in a burst beyond its initial value, queues
# carrying None and falsy items (LIFO and FIFO, get() while waiters are listed), and the reprs.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    c = asyncio.Condition()

    async def w(name):
        async with c:
            try:
                await c.wait()
                log.append(("woke", name))
            except asyncio.CancelledError:
                log.append(("cancelled", name))
                raise

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    print("-- notify(n) with odd n")
    for n in (1.5, float("inf"), -0.5, 0.2, 2.0000001, None):
        ts = [asyncio.create_task(w(i)) for i in range(4)]
        await spin(1)
        ts[0].cancel()
        async with c:
            if n is None:
                c.notify()
            else:
                c.notify(n)
            print("notify", n, r(c))
        await spin(3)
        print(" ", *log, "|", r(c), sum(t.done() for t in ts))
        log.clear()
        async with c:
            c.notify_all()
        await asyncio.gather(*ts, return_exceptions=True)
        log.clear()

    print("-- semaphores with value 0")
    s = asyncio.Semaphore(0)
    print(r(s), s.locked())
    for _ in range(3):
        s.release()
    print("burst", r(s), s.locked())
    for _ in range(3):
        await s.acquire()
    print("drained", r(s), s.locked())
    b = asyncio.BoundedSemaphore(0)
    print(r(b), b.locked())
    try:
        b.release()
    except ValueError as e:
        print("ValueError", str(e), r(b))
    t = asyncio.create_task(b.acquire())
    await spin(1)
    print("waiting", r(b))
    try:
        b.release()
    except ValueError as e:
        print("ValueError", str(e), r(b))
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after cancel", r(b), t.cancelled())

    print("-- falsy items")
    for cls in (asyncio.Queue, asyncio.LifoQueue):
        q = cls()
        got = []
        async def g():
            got.append(await q.get())
        ts = [asyncio.create_task(g()) for _ in range(2)]
        await spin(1)
        for item in (None, 0, "", [], False):
            q.put_nowait(item)
        print(cls.__name__, str(q))
        await spin(2)
        print(" got", got, str(q))
        rest = []
        while not q.empty():
            rest.append(q.get_nowait())
        print(" rest", rest, q.empty(), q.qsize())

asyncio.run(main())
