import asyncio

# A task cancels itself from inside a coroutine it awaits (one or two levels deep), which then
# does not suspend (returns at once, awaits a done future, awaits a coroutine that returns at
# once) or suspends (sleep(0), inside the innermost level, which may catch the CancelledError
# and return). The request stays pending until the task's next real suspension, whichever
# level reaches it; what each level sees, with which message (the last of two requests), the
# task's cancelling() count at each point and how it ends.

loop = None


async def instant(v):
    return v


async def deepest(mode, label):
    me = asyncio.current_task()
    if mode == "catch-deep":
        try:
            await asyncio.sleep(0)
            print("   ", label, "deepest slept")
        except asyncio.CancelledError as e:
            print("   ", label, "deepest caught", repr(str(e)), "cancelling", me.cancelling())
            return "deepest caught"
    return "deepest " + mode


async def middle(mode, label, msgs):
    me = asyncio.current_task()
    for m in msgs:
        me.cancel(m)
    print("   ", label, "middle cancelled itself", msgs, "cancelling", me.cancelling())
    if mode == "return":
        return "middle returned"
    if mode == "done-future":
        f = loop.create_future()
        f.set_result("done value")
        return await f
    if mode == "instant-coro":
        return await instant("instant value")
    if mode == "uncancel":
        print("   ", label, "middle uncancel ->", me.uncancel())
        return "uncancelled"
    return await deepest(mode, label)


async def top(mode, label, msgs):
    me = asyncio.current_task()
    r = await middle(mode, label, msgs)
    print("   ", label, "top got", repr(r), "cancelling", me.cancelling())
    f = loop.create_future()
    f.set_result("second done")
    print("   ", label, "top awaited a done future:", await f)
    try:
        await asyncio.sleep(0)
        print("   ", label, "top slept: no cancellation left")
    except asyncio.CancelledError as e:
        print("   ", label, "top caught", repr(str(e)), "cancelling", me.cancelling())
        raise
    return "top done"


def end(t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            return "cancelled " + repr(str(e))
    return "result " + repr(t.result())


async def main():
    global loop
    loop = asyncio.get_running_loop()
    for mode in ("return", "done-future", "instant-coro", "uncancel", "two-levels", "catch-deep"):
        for msgs in (["m"], ["m1", "m2"]):
            label = mode + "/" + str(len(msgs))
            print("--", label)
            t = asyncio.create_task(top(mode, label, msgs))
            for _ in range(4):
                await asyncio.sleep(0)
            print("  ", end(t), "cancelling", t.cancelling())
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
