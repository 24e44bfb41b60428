import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def main():
    q = asyncio.Queue(2)
    print("maxsize", q.maxsize, "qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    attempt("get_nowait empty", q.get_nowait)
    attempt("put_nowait 1", lambda: q.put_nowait(1))
    attempt("put_nowait 2", lambda: q.put_nowait(2))
    print("qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    attempt("put_nowait 3", lambda: q.put_nowait(3))
    print("qsize after QueueFull", q.qsize())
    attempt("get_nowait", q.get_nowait)
    attempt("get_nowait", q.get_nowait)
    attempt("get_nowait", q.get_nowait)

    for maxsize in (0, -1):
        q = asyncio.Queue(maxsize)
        for i in range(100):
            q.put_nowait(i)
        print("maxsize", maxsize, "qsize", q.qsize(), "full", q.full())

    # exceptions are classes users can catch
    q = asyncio.Queue(1)
    q.put_nowait(None)
    try:
        q.put_nowait(None)
    except asyncio.QueueFull as e:
        print("caught", type(e).__name__, isinstance(e, Exception))
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("caught", type(e).__name__)

    # the queue still works after the errors
    await q.put("still")
    print("works", await q.get())

    # a getter woken by put_nowait finds its item stolen by get_nowait: it waits again, at the back
    q = asyncio.Queue()

    async def getter(name):
        v = await q.get()
        print(name, "got", v)

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    q.put_nowait("a")                 # wakes g1
    print("stolen", q.get_nowait())   # before g1 runs
    await asyncio.sleep(0)
    q.put_nowait("b")                 # wakes g2 (g1 is now behind it)
    await asyncio.sleep(0)
    q.put_nowait("c")
    await asyncio.gather(g1, g2)

    # a coroutine that was never awaited does nothing
    q = asyncio.Queue(1)
    c = q.put("never")
    print("qsize", q.qsize())
    c.close()
    c = q.get()
    c.close()
    q.put_nowait("x")
    print("qsize", q.qsize(), q.get_nowait())


asyncio.run(main())
