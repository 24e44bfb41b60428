import asyncio

# asyncio.timeout() and external cancellation: which one wins, what cancelling() says, and how
# uncancel() decides whether the timeout converts CancelledError into TimeoutError. Expiry is
# forced with reschedule(loop.time()) (run by call_soon), so the order is fixed.

holder = {}


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def victim(name, uncancel_inside=False, swallow_inside=False):
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(10) as cm:
            holder[name] = cm
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print(name, "body caught", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired())
                attempt(name + " reschedule while expiring", lambda: cm.reschedule(None))
                if uncancel_inside:
                    print(name, "uncancel ->", me.uncancel())
                if swallow_inside:
                    print(name, "body swallows")
                else:
                    raise
        print(name, "block exited normally, cancelling", me.cancelling())
        return "normal"
    except TimeoutError as e:
        print(name, "TimeoutError", repr(str(e)), "cancelling", me.cancelling(), "cause", type(e.__cause__).__name__)
        return "timeout"
    except asyncio.CancelledError as e:
        print(name, "CancelledError", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired())
        raise
    finally:
        print(name, "repr", repr(cm))


async def outcome(t):
    try:
        r = await t
        print("result", repr(r), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print("cancelled", repr(str(e)), "cancelling", t.cancelling())


async def main():
    loop = asyncio.get_running_loop()

    print("-- external cancel first, then the timeout fires in the same iteration")
    t = asyncio.create_task(victim("v1"))
    await asyncio.sleep(0)
    holder["v1"].reschedule(loop.time())
    t.cancel("ext1")
    print("cancelling", t.cancelling())
    await outcome(t)

    print("-- the timeout fires first, then the external cancel")
    t = asyncio.create_task(victim("v2"))
    await asyncio.sleep(0)
    holder["v2"].reschedule(loop.time())
    await asyncio.sleep(0)
    print("after the timeout callback: cancelling", t.cancelling())
    t.cancel("ext2")
    print("cancelling", t.cancelling())
    await outcome(t)

    print("-- both, and the body withdraws the external one with uncancel()")
    t = asyncio.create_task(victim("v3", uncancel_inside=True))
    await asyncio.sleep(0)
    holder["v3"].reschedule(loop.time())
    t.cancel("ext3")
    await outcome(t)

    print("-- only the timeout, and the body swallows the CancelledError")
    t = asyncio.create_task(victim("v4", swallow_inside=True))
    await asyncio.sleep(0)
    holder["v4"].reschedule(loop.time())
    await outcome(t)

    print("-- only the timeout, the body uncancels and re-raises")
    t = asyncio.create_task(victim("v5", uncancel_inside=True))
    await asyncio.sleep(0)
    holder["v5"].reschedule(loop.time())
    await outcome(t)

    print("-- only an external cancel; the body swallows it")
    t = asyncio.create_task(victim("v6", swallow_inside=True))
    await asyncio.sleep(0)
    t.cancel("ext6")
    await outcome(t)

    print("-- a timeout entered while a cancellation request is already counted")

    async def pre_counted():
        me = asyncio.current_task()
        me.cancel("pre")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("pre_counted swallowed", repr(str(e)), "cancelling", me.cancelling())
        try:
            async with asyncio.timeout(0) as cm:
                await asyncio.sleep(10)
        except TimeoutError:
            print("pre_counted TimeoutError, cancelling", me.cancelling())
        try:
            async with asyncio.timeout(10) as cm:
                loop.call_soon(me.cancel, "second")
                await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("pre_counted CancelledError", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired())
        return "done"

    await outcome(asyncio.create_task(pre_counted()))

    print("-- reschedule after the block")
    attempt("expired one", lambda: holder["v1"].reschedule(None))
    attempt("finished one", lambda: holder["v6"].reschedule(None))
    print("when", holder["v6"].when() is not None, "expired", holder["v6"].expired(), holder["v1"].expired())


asyncio.run(main())
