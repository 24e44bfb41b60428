import asyncio

# Several waiters, at different depths of inline delegation, await one task that ends
# cancelled. In 3.11 the first consumer of the task's outcome gets the CancelledError the task
# ended with (carrying the message); every later one gets a fresh CancelledError without a
# message: later waiters, result(), exception(), gather(return_exceptions=True), shield,
# wait_for and done callbacks. The task ends cancelled by cancel(msg) at an await, by raising
# CancelledError itself, or before its first step; waiters are woken in the order they
# started waiting.


async def target(how):
    if how == "raise":
        await asyncio.sleep(0)
        raise asyncio.CancelledError("raised by target")
    try:
        await asyncio.sleep(1)
    finally:
        print("  target finally")


async def waiter(name, t, depth):
    try:
        if depth:
            return await waiter(name, t, depth - 1)
        await t
        return "no"
    except asyncio.CancelledError as e:
        if depth == 0:
            print("  %s sees %r" % (name, str(e)))
        raise


def outcome(label, fn):
    try:
        print("  %s -> %r" % (label, fn()))
    except asyncio.CancelledError as e:
        print("  %s raised CancelledError %r" % (label, str(e)))


async def run_case(how, depths, extra):
    print("== target %s, waiter depths %s, then %s" % (how, depths, extra))
    t = asyncio.create_task(target(how), name="target")
    t.add_done_callback(lambda f: outcome("done callback 1", f.exception))
    ws = [asyncio.create_task(waiter("w%d/d%d" % (i, d), t, d)) for i, d in enumerate(depths)]
    t.add_done_callback(lambda f: outcome("done callback 2", f.result))
    if how == "early":
        print("  cancel before the first step ->", t.cancel("early"))
    await asyncio.sleep(0)
    if how == "cancel":
        print("  cancel ->", t.cancel("stop"), "cancelling", t.cancelling())
    rs = await asyncio.gather(*ws, return_exceptions=True)
    print("  waiters:", [type(r).__name__ for r in rs], "cancelled", [w.cancelled() for w in ws])
    if extra == "calls":
        outcome("result()", t.result)
        outcome("exception()", t.exception)
    elif extra == "gather":
        print("  gather rx ->", [(type(r).__name__, str(r)) for r in await asyncio.gather(t, return_exceptions=True)])
    elif extra == "shield":
        try:
            await asyncio.shield(t)
        except asyncio.CancelledError as e:
            print("  shield raised %r" % str(e))
    elif extra == "wait_for":
        try:
            await asyncio.wait_for(t, 1)
        except asyncio.CancelledError as e:
            print("  wait_for raised %r" % str(e))
    try:
        await waiter("main", t, 2)
    except asyncio.CancelledError:
        pass
    print("  target cancelled", t.cancelled(), "cancelling", t.cancelling())


async def main():
    for how in ("cancel", "raise", "early"):
        for depths, extra in (([0, 2, 1], "calls"), ([3], "gather"), ([1, 0], "shield"), ([], "wait_for")):
            await run_case(how, depths, extra)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
