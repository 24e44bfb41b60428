import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
# n=None means "until cancelled".
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, n=None, swallow=False):
    print("start", name)
    try:
        if n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError as e:
        print("child cancelled", name, repr(str(e)))
        if swallow:
            print("swallow", name)
            return "swallowed-" + name
        raise
    finally:
        print("finally", name)
    print("end", name)
    return name

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel the gather future")
    a = asyncio.create_task(child("a1"))
    b = asyncio.create_task(child("b1"))
    g = asyncio.gather(a, b)
    loop.call_soon(lambda: print("cancel returned", g.cancel()))
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaiting side", type(e).__name__, repr(str(e)))
    print("children", a.cancelled(), b.cancelled())
    print("g", g.done(), g.cancelled())
    print("cancel again", g.cancel())

    print("-- cancel with a message")
    g = asyncio.gather(child("a2"), child("b2"))
    loop.call_soon(g.cancel, "stop now")
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaiting side", type(e).__name__, repr(str(e)))

    print("-- cancel the task awaiting a gather")
    a = asyncio.create_task(child("a3"))
    b = asyncio.create_task(child("b3"))
    async def waiter():
        try:
            return await asyncio.gather(a, b)
        except asyncio.CancelledError:
            print("waiter saw CancelledError")
            raise
    w = asyncio.create_task(waiter())
    await ticks(1)
    print("w.cancel", w.cancel())
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled", w.cancelled())
    print("children", a.cancelled(), b.cancelled())

    print("-- one child cancelled from outside")
    a = asyncio.create_task(child("a4", 5))
    b = asyncio.create_task(child("b4"))
    g = asyncio.gather(a, b)
    loop.call_soon(b.cancel)
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", type(e).__name__)
    print("a done?", a.done(), "b cancelled?", b.cancelled())
    await a
    print("a result", a.result())

    print("-- children swallow the cancellation")
    a = asyncio.create_task(child("a5", swallow=True))
    b = asyncio.create_task(child("b5"))
    g = asyncio.gather(a, b, return_exceptions=True)
    loop.call_soon(g.cancel)
    try:
        print("result", await g)
    except asyncio.CancelledError:
        print("gather still raised CancelledError")
    print("a", a.cancelled(), a.result(), "b", b.cancelled())

    print("-- cancel after completion")
    g = asyncio.gather(child("a6", 1))
    print("result", await g)
    print("late cancel", g.cancel())

asyncio.run(main())
