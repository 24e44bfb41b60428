import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

def fut(loop, label):
    f = loop.create_future()
    f.label = label
    return f

def setres(f, v):
    print("  sets", f.label)
    f.set_result(v)

def setexc(f, e):
    print("  fails", f.label)
    f.set_exception(e)

def cancel(f, msg=None):
    print("  cancels", f.label)
    f.cancel(msg)

async def drain(label, it):
    n = 0
    for c in it:
        n += 1
        try:
            r = await c
            print(" ", label, n, "->", repr(r))
        except asyncio.TimeoutError:
            print(" ", label, n, "-> TimeoutError")
        except asyncio.CancelledError as e:
            print(" ", label, n, "-> CancelledError", repr(str(e)))
        except Exception as e:
            print(" ", label, n, "->", type(e).__name__, repr(str(e)))
    print(" ", label, "end after", n)

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- timeout fires between two completions of the same iteration")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    it = iter(asyncio.as_completed([a, b, c], timeout=0.02))
    first = next(it)
    now = loop.time()
    loop.call_at(now + 0.005, setres, a, "A")
    loop.call_at(now + 0.080, setres, b, "B")
    block(0.1)
    try:
        print("  first ->", repr(await first))
    except asyncio.TimeoutError:
        print("  first -> TimeoutError")
    await drain("rest", it)
    c.cancel()

    print("-- completions delivered an iteration before the timeout")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    it = iter(asyncio.as_completed([a, b, c], timeout=0.05))
    first = next(it)
    now = loop.time()
    loop.call_at(now + 0.005, setres, a, "A")
    loop.call_at(now + 0.006, setexc, b, ValueError("B"))
    block(0.01)
    await ticks(1)
    block(0.07)
    try:
        print("  first ->", repr(await first))
    except asyncio.TimeoutError:
        print("  first -> TimeoutError")
    await drain("rest", it)
    c.cancel()

    print("-- timeout=0 with one done input and one completed by call_soon")
    a, b = fut(loop, "a"), fut(loop, "b")
    a.set_result("A")
    loop.call_soon(setres, b, "B")
    await drain("t0", asyncio.as_completed([a, b], timeout=0))

    print("-- duplicates and a cancelled input")
    a, b = fut(loop, "a"), fut(loop, "b")
    b.cancel("pre")
    loop.call_soon(setres, a, "A")
    await drain("dups", asyncio.as_completed([a, b, a, b, a]))

    print("-- two consumers; the woken one is cancelled before it runs")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    it = iter(asyncio.as_completed([a, b, c]))
    c1, c2, c3 = next(it), next(it), next(it)

    async def consume(label, co):
        try:
            r = await co
            print(" ", label, "got", repr(r))
        except asyncio.CancelledError as e:
            print(" ", label, "cancelled", repr(str(e)))
            raise

    t1 = asyncio.create_task(consume("k1", c1))
    t2 = asyncio.create_task(consume("k2", c2))
    await ticks(1)
    a.set_result("A")
    await ticks(1)  # a's completion callback runs, k1's getter is woken
    print("  cancel k1 ->", t1.cancel("k1 stop"))
    await ticks(3)
    print("  k1 cancelled", t1.cancelled(), "k2 done", t2.done())
    b.set_result("B")
    await ticks(3)
    print("  k2 done", t2.done())
    c.set_result("C")
    print("  c3 ->", repr(await c3))
    await asyncio.gather(t1, t2, return_exceptions=True)

    print("-- the outer task is cancelled in the iteration a completion is delivered")
    a, b = fut(loop, "a"), fut(loop, "b")

    async def outer():
        got = []
        try:
            for co in asyncio.as_completed([a, b], timeout=5):
                try:
                    got.append(await co)
                except asyncio.CancelledError as e:
                    print("  outer caught CancelledError", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
                    asyncio.current_task().uncancel()
            return got
        finally:
            print("  outer finally, got", got)

    t = asyncio.create_task(outer())
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, setres, a, "A")
    loop.call_at(now + 0.010, lambda: loop.call_soon(lambda: print("  cancel outer ->", t.cancel("mid"))))
    block(0.03)
    await ticks(4)
    print("  outer done?", t.done())
    b.set_result("B")
    print("  outer ->", await t, "cancelling", t.cancelling())

    print("-- timeout in the same iteration as the outer task's cancellation")
    a = fut(loop, "a")

    async def outer2():
        try:
            for co in asyncio.as_completed([a], timeout=0.01):
                await co
        except asyncio.TimeoutError:
            print("  outer2 TimeoutError, cancelling", asyncio.current_task().cancelling())
            await asyncio.sleep(0)
            print("  outer2 after sleep?")
        return "outer2 done"

    t = asyncio.create_task(outer2())
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.03, lambda: print("  cancel outer2 ->", t.cancel("cx")))
    block(0.05)
    try:
        print("  outer2 ->", await t)
    except asyncio.CancelledError as e:
        print("  outer2 cancelled", repr(str(e)))
    a.cancel()
    print("me cancelling", me.cancelling())

asyncio.run(main())
