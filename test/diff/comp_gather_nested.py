import asyncio

events = []

async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
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
        asyncio.gather(leaf("a", 0.003), leaf("b", 0.001)),
        leaf("c", 0.002),
        asyncio.gather(),
    )
    print("result", r)

    print("-- cancelling the outer gather reaches the inner children")
    outer = asyncio.gather(asyncio.gather(leaf("d", 0.05), leaf("e", 0.05)), leaf("f", 0.05))
    await asyncio.sleep(0.002)
    print("cancel", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer raised CancelledError")
    flush()

    print("-- wait_for around a gather: the timeout cancels every child")
    try:
        await asyncio.wait_for(asyncio.gather(leaf("g", 0.05), leaf("h", 0.001), leaf("i", 0.05)), 0.01)
    except TimeoutError:
        print("TimeoutError")
    flush()

    print("-- timeout around a gather")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.gather(leaf("j", 0.05), leaf("k", 0.05))
    except TimeoutError:
        print("TimeoutError")
    flush()

    print("-- an inner gather's failure with return_exceptions outside")
    async def boom():
        await asyncio.sleep(0.001)
        raise ValueError("inner boom")
    r = await asyncio.gather(asyncio.gather(boom(), leaf("l", 0.005)), leaf("m", 0.002), return_exceptions=True)
    print("result", [type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    await asyncio.sleep(0.01)

    print("-- shielded child survives the gather's cancellation")
    inner = asyncio.create_task(leaf("n", 0.01))
    g = asyncio.gather(asyncio.shield(inner), leaf("o", 0.05))
    await asyncio.sleep(0.001)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print("shielded result", await inner)
    flush()

asyncio.run(main())
