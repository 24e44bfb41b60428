import asyncio


async def obstinate():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("obstinate caught", repr(str(e)), "cancelling", me.cancelling())
    await asyncio.sleep(0.005)
    print("obstinate still running")
    return "survived"


async def polite():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("polite caught; uncancel ->", me.uncancel())
    await asyncio.sleep(0)
    return "polite done"


async def twice():
    me = asyncio.current_task()
    for i in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("twice caught", i, repr(str(e)), "cancelling", me.cancelling())
    return "twice done"


async def cleanup():
    try:
        await asyncio.sleep(1)
    finally:
        print("cleanup finally starts")
        await asyncio.sleep(0.005)
        print("cleanup finally ends")


async def main():
    t = asyncio.create_task(obstinate())
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("please stop"))
    r = await t
    print("result", r, "cancelled", t.cancelled(), "cancelling", t.cancelling())

    t = asyncio.create_task(polite())
    await asyncio.sleep(0)
    t.cancel()
    print("result", await t, "cancelling", t.cancelling())

    t = asyncio.create_task(twice())
    await asyncio.sleep(0)
    t.cancel("first")
    await asyncio.sleep(0)
    t.cancel("second")
    await asyncio.sleep(0)
    t.cancel("third")
    print("result", await t, "cancelled", t.cancelled(), "cancelling", t.cancelling())

    t = asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    t.cancel()
    print("cancel requested; done", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("cleanup task cancelled", t.cancelled())


asyncio.run(main())
