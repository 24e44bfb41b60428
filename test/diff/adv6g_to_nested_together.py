import asyncio
import time

# Nested timeouts whose deadlines pass in one iteration (a blocking wait makes both due at once,
# their deadlines 0.1 s apart): the outer one turns the cancellation into TimeoutError, the inner
# lets CancelledError through, whichever fires first; three levels; an inner body swallowing both
# cancellations (no TimeoutError at all, the count back to 0); timeout(None) around timeout(0);
# and a TaskGroup under a timeout, a child failing in the same iteration the deadline passes (the
# ExceptionGroup comes out, the timeout still reports expired()).

def block(s):
    time.sleep(s)

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def two_levels(label, d_outer, d_inner):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("--", label)
    t0 = loop.time()
    cms = {}
    try:
        async with asyncio.timeout_at(t0 + d_outer) as outer:
            cms["outer"] = outer
            try:
                async with asyncio.timeout_at(t0 + d_inner) as inner:
                    cms["inner"] = inner
                    block(0.5)
                    print("  blocked, cancelling", me.cancelling())
                    await asyncio.sleep(10)
                    print("  unreached")
            except asyncio.CancelledError:
                print("  inner raised CancelledError, cancelling", me.cancelling(), "inner.expired", inner.expired())
                raise
            except TimeoutError:
                print("  inner raised TimeoutError")
                raise
    except TimeoutError as e:
        print("  outer raised TimeoutError", type(e.__cause__).__name__, "cancelling", me.cancelling())
    print("  expired: outer", cms["outer"].expired(), "inner", cms["inner"].expired())

async def three_levels():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("-- three levels, all due at once")
    t0 = loop.time()
    cms = []
    try:
        async with asyncio.timeout_at(t0 + 0.3) as a:
            cms.append(a)
            try:
                async with asyncio.timeout_at(t0 + 0.1) as b:
                    cms.append(b)
                    try:
                        async with asyncio.timeout_at(t0 + 0.2) as c:
                            cms.append(c)
                            block(0.6)
                            await asyncio.sleep(10)
                    except asyncio.CancelledError:
                        print("  level 3 CancelledError", me.cancelling())
                        raise
            except asyncio.CancelledError:
                print("  level 2 CancelledError", me.cancelling())
                raise
    except TimeoutError:
        print("  level 1 TimeoutError", me.cancelling())
    print("  expired", [cm.expired() for cm in cms])

async def swallowing():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("-- the inner body swallows both cancellations")
    t0 = loop.time()
    async with asyncio.timeout_at(t0 + 0.1) as outer:
        async with asyncio.timeout_at(t0 + 0.2) as inner:
            block(0.5)
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  swallowed, cancelling", me.cancelling())
            print("  inner body goes on", await asyncio.sleep(0, "a"))
        print("  inner exited quietly, cancelling", me.cancelling(), inner.expired())
        print("  outer body goes on", await asyncio.sleep(0, "b"))
    print("  outer exited quietly, cancelling", me.cancelling(), outer.expired())

async def none_around_zero():
    me = asyncio.current_task()
    print("-- timeout(None) around timeout(0)")
    try:
        async with asyncio.timeout(None) as outer:
            async with asyncio.timeout(0) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print("  TimeoutError passes the outer; expired", outer.expired(), inner.expired(), repr(outer), "cancelling", me.cancelling())

async def fail_soon():
    await asyncio.sleep(0)
    print("  child raising")
    raise ValueError("child")

async def tg_under_timeout():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("-- a TaskGroup under a timeout: a child fails as the deadline passes")
    cm = None
    try:
        async with asyncio.timeout(0.1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail_soon())
                block(0.4)
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print("  body cancelled, cancelling", me.cancelling(), repr(tg))
                    raise
    except TimeoutError:
        print("  TimeoutError")
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("  expired", cm.expired(), "cancelling", me.cancelling())

async def tg_timeout_first():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("-- a TaskGroup under a timeout: the deadline passes, a child fails on cancel")
    async def fail_on_cancel():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  child failing on cancel")
            raise KeyError("k")
    try:
        async with asyncio.timeout(0.1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail_on_cancel())
                await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError")
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("  expired", cm.expired(), "cancelling", me.cancelling())

async def main():
    await two_levels("same deadline", 0.1, 0.1)
    await two_levels("inner due first", 0.2, 0.1)
    await two_levels("outer due first", 0.1, 0.2)
    await three_levels()
    await swallowing()
    await none_around_zero()
    await tg_under_timeout()
    await tg_timeout_first()
    print("-- loop still works", await asyncio.sleep(0, "yes"), asyncio.current_task().cancelling())

asyncio.run(main())
