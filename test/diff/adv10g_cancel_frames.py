import asyncio
import types

# A three-level chain below a task: L1 (a coroutine) awaits L2 (a generator-based coroutine,
# delegating with yield from) which delegates to L3 (a coroutine) which awaits a future set by a
# callback after two iterations. Every level awaits before and after delegating, and has an
# except CancelledError clause and a finally clause. The task is cancelled after k iterations,
# for every k until it finishes first. Either nobody swallows the cancellation, or one level
# swallows it: returning at once, or awaiting sleep(0) first (not interrupted: in 3.11 the
# request is spent) and then returning. Trace: which levels see the CancelledError (innermost
# first, then the finally clauses outward), what the levels above get back, what the task ends
# with, cancelling() and cancelled(). With k = 0 none of the bodies ever runs.

it = [0]


def p(*a):
    print("   ", *a)


def cur():
    return asyncio.current_task()


async def swallow(level, how):
    if how == "await":
        r = await asyncio.sleep(0, "slept")
        p(level, "handler awaited", r, "cancelling", cur().cancelling())
    return "swallowed-" + level


async def l3(cfg, fut):
    try:
        p("L3 start")
        await asyncio.sleep(0)
        r = await fut
        p("L3 got", r)
        return "L3:" + r
    except asyncio.CancelledError as e:
        p("L3 sees CancelledError", repr(str(e)), "cancelling", cur().cancelling())
        if cfg[0] == "L3":
            return await swallow("L3", cfg[1])
        raise
    finally:
        p("L3 finally")


@types.coroutine
def l2(cfg, fut):
    try:
        p("L2 start")
        yield from asyncio.sleep(0)
        r = yield from l3(cfg, fut)
        p("L2 got", r)
        yield from asyncio.sleep(0)
        return "L2:" + r
    except asyncio.CancelledError as e:
        p("L2 sees CancelledError", repr(str(e)), "cancelling", cur().cancelling())
        if cfg[0] == "L2":
            return (yield from swallow("L2", cfg[1]))
        raise
    finally:
        p("L2 finally")


async def l1(cfg, fut):
    try:
        p("L1 start")
        r = await l2(cfg, fut)
        p("L1 got", r)
        await asyncio.sleep(0)
        return "L1:" + r
    except asyncio.CancelledError as e:
        p("L1 sees CancelledError", repr(str(e)), "cancelling", cur().cancelling())
        if cfg[0] == "L1":
            return await swallow("L1", cfg[1])
        raise
    finally:
        p("L1 finally")


async def main():
    loop = asyncio.get_running_loop()
    for cfg in [("none", ""), ("L3", "return"), ("L2", "await"), ("L1", "return"), ("L3", "await")]:
        k = 0
        while True:
            print("== swallow", cfg, "cancel after", k)
            fut = loop.create_future()
            loop.call_soon(lambda: loop.call_soon(lambda: fut.done() or fut.set_result("F")))
            t = asyncio.create_task(l1(cfg, fut), name="T")
            for _ in range(k):
                await asyncio.sleep(0)
            finished = t.done()
            if not finished:
                print("cancel ->", t.cancel("c@%d" % k))
            try:
                r = await t
                print("T result", repr(r), "cancelling", t.cancelling())
            except asyncio.CancelledError as e:
                print("T cancelled", repr(str(e)), t.cancelled(), "cancelling", t.cancelling())
            if not fut.done():
                fut.cancel()
            if finished:
                break
            k += 1


asyncio.run(main())
