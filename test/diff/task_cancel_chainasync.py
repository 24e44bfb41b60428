import asyncio


async def inner(name):
    try:
        await asyncio.sleep(1)
        return "inner finished"
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise
    finally:
        print(name, "finally")


async def outer(name, it):
    try:
        r = await it
        print(name, "got", r)
        return r
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise


async def swallow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallow: ignoring cancellation")
    return "swallowed"


async def main():
    # cancelling the outer task cancels the task it awaits
    it = asyncio.create_task(inner("inner1"))
    ot = asyncio.create_task(outer("outer1", it))
    await asyncio.sleep(0)
    print("cancel outer ->", ot.cancel("stop"))
    print("inner cancelling", it.cancelling(), "outer cancelling", ot.cancelling())
    try:
        await ot
    except asyncio.CancelledError as e:
        print("main: outer raised", repr(str(e)))
    print("inner cancelled", it.cancelled(), "outer cancelled", ot.cancelled())

    # three levels
    a = asyncio.create_task(inner("level3"))
    b = asyncio.create_task(outer("level2", a))
    c = asyncio.create_task(outer("level1", b))
    await asyncio.sleep(0)
    c.cancel("top")
    try:
        await c
    except asyncio.CancelledError as e:
        print("main: level1 raised", repr(str(e)))
    print("states", a.cancelled(), b.cancelled(), c.cancelled())

    # the awaited task swallows the cancellation: the outer task gets its result and goes on
    it = asyncio.create_task(swallow())
    ot = asyncio.create_task(outer("outer2", it))
    await asyncio.sleep(0)
    print("cancel outer2 ->", ot.cancel())
    r = await ot
    print("outer2 result", r, "cancelled", ot.cancelled(), "cancelling", ot.cancelling())

    # cancelling the inner task directly: the outer task sees CancelledError but is not cancelled itself
    it = asyncio.create_task(inner("inner3"))
    ot = asyncio.create_task(outer("outer3", it))
    await asyncio.sleep(0)
    it.cancel("inner only")
    try:
        await ot
    except asyncio.CancelledError as e:
        print("main: outer3 raised", repr(str(e)), "cancelling", ot.cancelling())
    print("outer3 cancelled", ot.cancelled())


asyncio.run(main())
