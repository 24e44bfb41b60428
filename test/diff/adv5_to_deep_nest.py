import asyncio

# Six nested timeout(inf) blocks; from the innermost body a chosen set of them is moved into the
# past (reschedule(-inf): each expiry queued with call_soon, in the order given), sometimes with an
# external cancel() queued among them (X) and sometimes with a level that catches what comes out
# of its block and goes on (awaiting again). Each level prints what leaves it and cancelling();
# only the outermost expired timeout with no newer request may turn the cancellation into
# TimeoutError.
INF = float("inf")
N = 6


def cnt():
    return asyncio.current_task().cancelling()


async def nest(level, cms, plan, catch_at):
    if level == N:
        loop = asyncio.get_running_loop()
        me = asyncio.current_task()
        for p in plan:
            if p == "X":
                loop.call_soon(me.cancel, "X")
            else:
                cms[p].reschedule(-INF)
        try:
            await asyncio.sleep(INF)
        except asyncio.CancelledError as e:
            print("    innermost caught CancelledError(%r) cancelling %d" % (str(e), cnt()))
            raise
        return "innermost done"
    try:
        async with asyncio.timeout(INF) as cm:
            cms.append(cm)
            r = await nest(level + 1, cms, plan, catch_at)
        print("    level", level, "exits normally, expired", cm.expired(), "cancelling", cnt())
        return r
    except BaseException as e:
        print("    level", level, "passes", type(e).__name__, "expired", cm.expired(), "cancelling", cnt())
        if level == catch_at:
            await asyncio.sleep(0)
            print("    level", level, "caught it and slept, cancelling", cnt())
            return "caught at %d" % level
        raise


async def run(plan, catch_at=None):
    print("-- expire", plan, "catch at", catch_at)

    async def body():
        return await nest(0, [], plan, catch_at)

    t = asyncio.create_task(body())
    try:
        r = await t
        print("  ->", repr(r), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print("  -> cancelled", repr(str(e)), "cancelling", t.cancelling())
    except BaseException as e:
        print("  ->", type(e).__name__, "cancelling", t.cancelling())


async def main():
    for plan in ([0], [5], [0, 5], [5, 0], [2, 3, 4], [4, 2], [0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0],
                 ["X"], ["X", 3], [3, "X"], [1, "X", 4], [4, "X", 1]):
        await run(plan)
    for plan, c in (([3], 2), ([3], 3), ([3], 4), ([1, 4], 2), ([1, 4], 0), ([4, 1], 3), ([2, "X"], 1),
                    (["X", 2], 4), (["X"], 3)):
        await run(plan, c)


asyncio.run(main())
