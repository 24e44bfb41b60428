import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
# n=None means "until cancelled".
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

events = []

async def leaf(name, n):
    try:
        if n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError:
        events.append("cancelled " + name)
        raise
    print("leaf done", name)
    return name

def flush():
    print("events", sorted(events))
    events.clear()

async def main():
    print("-- gather of gathers")
    r = await asyncio.gather(
        asyncio.gather(leaf("a", 3), leaf("b", 1)),
        leaf("c", 2),
        asyncio.gather(),
    )
    print("result", r)

    print("-- cancelling the outer gather reaches the inner children")
    outer = asyncio.gather(asyncio.gather(leaf("d", None), leaf("e", None)), leaf("f", None))
    await ticks(2)
    print("cancel", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer raised CancelledError")
    flush()

    print("-- wait_for around a gather: the timeout cancels every child")
    h = asyncio.create_task(leaf("h", 0))
    await ticks(2)
    try:
        await asyncio.wait_for(asyncio.gather(leaf("g", None), h, leaf("i", None)), 0.01)
    except TimeoutError:
        print("TimeoutError")
    flush()

    print("-- timeout around a gather")
    try:
        async with asyncio.timeout(0.1):
            await asyncio.gather(leaf("j", None), leaf("k", None))
    except TimeoutError:
        print("TimeoutError")
    flush()

    print("-- an inner gather's failure with return_exceptions outside")
    async def boom():
        await ticks(1)
        raise ValueError("inner boom")
    r = await asyncio.gather(asyncio.gather(boom(), leaf("l", 10)), leaf("m", 2), return_exceptions=True)
    print("result", [type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    await ticks(12)

    print("-- shielded child survives the gather's cancellation")
    inner = asyncio.create_task(leaf("n", 10))
    g = asyncio.gather(asyncio.shield(inner), leaf("o", None))
    await ticks(1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print("shielded result", await inner)
    flush()

asyncio.run(main())
