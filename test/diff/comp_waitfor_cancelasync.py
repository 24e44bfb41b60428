import asyncio

# Inner work never finishes on its own (it sleeps 10 s); the main task acts after a fixed number
# of loop iterations, so no ordering depends on the clock.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def inner(name, delay, swallow=False):
    print("inner start", name)
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print("inner cancelled", name, repr(str(e)))
        if swallow:
            print("inner swallows", name)
            return "swallowed"
        raise
    finally:
        print("inner finally", name)
    print("inner end", name)
    return name

async def outer(name, aw, timeout):
    print("outer waits", name)
    try:
        r = await asyncio.wait_for(aw, timeout)
        print("outer got", name, repr(r))
        return r
    except asyncio.CancelledError as e:
        print("outer cancelled", name, repr(str(e)))
        raise
    except TimeoutError:
        print("outer timeout", name)
        raise

async def main():
    print("-- cancel the outer task while wait_for waits")
    t = asyncio.create_task(outer("o1", inner("i1", 10), 10))
    await ticks(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o1 cancelled", t.cancelled())

    print("-- with a message")
    t = asyncio.create_task(outer("o2", inner("i2", 10), 10))
    await ticks(2)
    t.cancel("go away")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: o2 cancelled", repr(str(e)))

    print("-- the inner task swallows the cancellation")
    it = asyncio.create_task(inner("i3", 10, swallow=True))
    t = asyncio.create_task(outer("o3", it, 10))
    await ticks(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o3 cancelled", t.cancelled())
    print("inner task result", it.result())

    print("-- timeout None, outer cancelled")
    it = asyncio.create_task(inner("i4", 10))
    t = asyncio.create_task(outer("o4", it, None))
    await ticks(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o4 cancelled", t.cancelled(), "inner cancelled", it.cancelled())

    print("-- nested wait_for: the inner deadline is first")
    async def nested():
        return await asyncio.wait_for(inner("i5", 10), 0.005)
    try:
        await asyncio.wait_for(nested(), 10)
    except TimeoutError:
        print("nested: TimeoutError")

    print("-- nested wait_for: the outer deadline is first")
    async def nested2():
        try:
            return await asyncio.wait_for(inner("i6", 10), 10)
        except asyncio.CancelledError:
            print("nested2 cancelled")
            raise
    try:
        await asyncio.wait_for(nested2(), 0.005)
    except TimeoutError:
        print("nested2: TimeoutError")

asyncio.run(main())
