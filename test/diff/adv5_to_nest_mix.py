import asyncio

# timeout(), wait_for() and TaskGroup nested in each other, with expiries forced by reschedule()
# into the past (queued with call_soon, so their order is exact) and wait_for timeouts of 0 or a
# tiny delay: which layer reports what (TimeoutError, CancelledError, ExceptionGroup), with
# cancelling() of every task involved printed on the way out. (A TaskGroup cancels its children
# in the order of a set in CPython, by address: the children print only after their cleanup.)
INF = float("inf")


def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"


def cnt():
    return asyncio.current_task().cancelling()


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def inner_with_timeout(h, mode):
    h["inner_task"] = asyncio.current_task()
    try:
        async with asyncio.timeout(INF) as cm:
            h["inner"] = cm
            try:
                await asyncio.sleep(INF)
            except asyncio.CancelledError as e:
                print("    inner body caught", fmt(e), "cancelling", cnt(), "inner expired", cm.expired())
                if mode == "rearm":
                    cm.reschedule(-INF)
                    print("    inner rearmed its own timeout")
                    await ticks(3)
                    print("    inner not reached")
                raise
    except BaseException as e:
        print("    inner leaves with", fmt(e), "cancelling", cnt(), "expired", cm.expired())
        raise
    return "inner done"


async def outer(h, to, mode):
    me = asyncio.current_task()
    cm = None
    try:
        async with asyncio.timeout(INF) as cm:
            h["outer"] = cm
            r = await asyncio.wait_for(inner_with_timeout(h, mode), to)
            print("    wait_for ->", repr(r))
    except BaseException as e:
        print("    outer leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired())
        return "outer " + type(e).__name__
    return "outer ok"


async def main():
    loop = asyncio.get_running_loop()
    past = loop.time() - 1

    print("-- timeout(wait_for(timeout(sleep))): which deadline passes first")
    for to in (INF, None):
        for which in ("outer", "inner", "outer inner", "inner outer"):
            print("- wait_for timeout", to, "expire:", which)
            h = {}
            t = asyncio.create_task(outer(h, to, "raise"))
            await ticks(2)
            for w in which.split():
                h[w].reschedule(past)
            print("  ->", await t, "cancelling", t.cancelling())
            it = h["inner_task"]
            print("  inner task", "is outer task" if it is t else "cancelled %s cancelling %d" % (it.cancelled(), it.cancelling()))

    print("-- the inner re-arms its own timeout while wait_for cancels it")
    for to in (INF, None):
        print("- wait_for timeout", to)
        h = {}
        t = asyncio.create_task(outer(h, to, "rearm"))
        await ticks(2)
        h["outer"].reschedule(past)
        print("  ->", await t, "cancelling", t.cancelling())

    print("-- wait_for(timeout()) itself timing out: 1e-9, the inner re-arms during cleanup")
    h = {}

    async def via_wait_for():
        try:
            await asyncio.wait_for(inner_with_timeout(h, "rearm"), 1e-9)
        except BaseException as e:
            print("    wait_for raised", fmt(e), "cause", fmt(e.__cause__) if e.__cause__ else None, "cancelling", cnt())

    await asyncio.create_task(via_wait_for())
    print("  inner task cancelled", h["inner_task"].cancelled(), "cancelling", h["inner_task"].cancelling())

    print("-- wait_for(TaskGroup) with timeouts 0, 1e-9 and -1; children clean up slowly")

    async def child(name, k):
        try:
            await asyncio.sleep(INF)
        except asyncio.CancelledError:
            n = cnt()
            await ticks(k)
            print("     ", name, "cleaned up, cancelling", n)
            raise

    async def group():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("a", 1))
                tg.create_task(child("b", 2))
                await asyncio.sleep(INF)
        except BaseException as e:
            print("    group leaves with", fmt(e), "cancelling", cnt())
            raise

    for to in (0, 1e-9, -1):
        try:
            await asyncio.wait_for(group(), to)
        except BaseException as e:
            print("  timeout", to, "->", fmt(e), "cancelling", cnt())

    print("-- TaskGroup of children that time out by wait_for and by timeout()")

    async def by_wait_for():
        await asyncio.wait_for(asyncio.sleep(INF), 0)

    async def by_timeout(d):
        async with asyncio.timeout(d):
            await asyncio.sleep(INF)

    async def ok(v):
        await ticks(1)
        return v

    for kids in (("wf", "to"), ("to", "ok"), ("wf", "ok", "to")):
        me = asyncio.current_task()
        try:
            async with asyncio.TaskGroup() as tg:
                ts = []
                for kind in kids:
                    if kind == "wf":
                        ts.append(tg.create_task(by_wait_for()))
                    elif kind == "to":
                        ts.append(tg.create_task(by_timeout(0)))
                    else:
                        ts.append(tg.create_task(ok(kind)))
            print(" ", kids, "no error")
        except BaseException as e:
            print(" ", kids, "->", fmt(e), "cancelling", me.cancelling())
        print("   ", ["cancelled" if x.cancelled() else fmt(x.exception()) if x.exception() else x.result() for x in ts])

    print("-- timeout() around a TaskGroup whose child's timeout and the outer one pass together")

    async def kid(h):
        async with asyncio.timeout(INF) as cm:
            h["kid"] = cm
            await asyncio.sleep(INF)

    for which in ("outer", "kid", "outer kid", "kid outer"):
        h = {}
        me = asyncio.current_task()
        cm = None
        try:
            async with asyncio.timeout(INF) as cm:
                h["outer"] = cm
                async with asyncio.TaskGroup() as tg:
                    k = tg.create_task(kid(h))
                    await ticks(1)
                    for w in which.split():
                        h[w].reschedule(past)
                    await asyncio.sleep(INF)
        except BaseException as e:
            print(" ", which, "->", fmt(e), "cancelling", me.cancelling(), "outer expired", cm.expired(), "kid expired", h["kid"].expired())
        print("    kid", "cancelled" if k.cancelled() else fmt(k.exception()))


asyncio.run(main())
