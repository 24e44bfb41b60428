import asyncio

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
    t = asyncio.create_task(outer("o1", inner("i1", 0.05), 1))
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o1 cancelled", t.cancelled())

    print("-- with a message")
    t = asyncio.create_task(outer("o2", inner("i2", 0.05), 1))
    await asyncio.sleep(0.005)
    t.cancel("go away")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: o2 cancelled", repr(str(e)))

    print("-- the inner task swallows the cancellation")
    it = asyncio.create_task(inner("i3", 0.05, swallow=True))
    t = asyncio.create_task(outer("o3", it, 1))
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o3 cancelled", t.cancelled())
    print("inner task result", it.result())

    print("-- timeout None, outer cancelled")
    it = asyncio.create_task(inner("i4", 0.05))
    t = asyncio.create_task(outer("o4", it, None))
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: o4 cancelled", t.cancelled(), "inner cancelled", it.cancelled())

    print("-- nested wait_for: the inner deadline is first")
    async def nested():
        return await asyncio.wait_for(inner("i5", 0.05), 0.005)
    try:
        await asyncio.wait_for(nested(), 0.03)
    except TimeoutError:
        print("nested: TimeoutError")

    print("-- nested wait_for: the outer deadline is first")
    async def nested2():
        try:
            return await asyncio.wait_for(inner("i6", 0.05), 0.04)
        except asyncio.CancelledError:
            print("nested2 cancelled")
            raise
    try:
        await asyncio.wait_for(nested2(), 0.005)
    except TimeoutError:
        print("nested2: TimeoutError")

asyncio.run(main())
