import asyncio
import types

# Cleanup that suspends while a CancelledError is in flight, at each level of a three-level
# chain (L1 a coroutine, L2 a generator-based coroutine, L3 a coroutine waiting on a future
# nobody sets): a finally clause or an except clause that relinquishes with bare yields, sleeps,
# awaits a future a callback sets, or yields a bad value. The task is cancelled once, or twice
# (the second request lands on whichever cleanup is suspended then: at a bare yield it is
# thrown in at the next step, at a future it cancels that future, and either way it replaces
# the error in flight, its message with it). A bad yield inside a finally replaces the
# CancelledError with the bad-yield error, so the task fails instead of ending cancelled. An
# except clause that relinquishes and then returns swallows the cancellation. Trace: iterations,
# each level's cleanup steps, what the levels above see, and how the task ends.
# (aionode's bad-yield error is a TypeError, asyncio's a RuntimeError: printed as BadYield.)

it = [0]
loop = None


def kind(e):
    if isinstance(e, RuntimeError) and str(e).startswith("Task got bad yield"):
        return "BadYield"
    return type(e).__name__


def p(*a):
    print("   ", *a)


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


@types.coroutine
def cleanup(tag, how):
    if how == "none":
        return
    p(tag, "cleanup", how, "starts, cancelling", asyncio.current_task().cancelling())
    if how == "bare":
        r = yield
        p(tag, "bare yield gave", repr(r))
    elif how == "bare2":
        yield
        p(tag, "after the first bare yield")
        yield
    elif how == "sleep":
        r = yield from asyncio.sleep(0, "slept")
        p(tag, "sleep gave", repr(r))
    elif how == "fut":
        f = loop.create_future()
        loop.call_soon(lambda: f.done() or f.set_result("set"))
        r = yield from f
        p(tag, "future gave", repr(r))
    elif how == "bad":
        yield 42
        p(tag, "after the bad yield?")
    p(tag, "cleanup", how, "done")


async def l3(cfg, fut):
    try:
        p("L3 waits")
        return await fut
    except asyncio.CancelledError as e:
        p("L3 except", repr(str(e)))
        if cfg.get("l3except"):
            await cleanup("L3-except", cfg["l3except"])
            p("L3 swallows and returns")
            return "swallowed"
        raise
    finally:
        p("L3 finally")
        await cleanup("L3", cfg.get("l3", "none"))


@types.coroutine
def l2(cfg, fut):
    try:
        r = yield from l3(cfg, fut)
        p("L2 got", repr(r))
        r2 = yield from asyncio.sleep(0, "after")
        p("L2 slept again:", r2)
        return r
    except asyncio.CancelledError as e:
        p("L2 sees CancelledError", repr(str(e)))
        raise
    except Exception as e:
        p("L2 sees", kind(e))
        raise
    finally:
        p("L2 finally")
        yield from cleanup("L2", cfg.get("l2", "none"))


async def l1(cfg, fut):
    try:
        return await l2(cfg, fut)
    finally:
        p("L1 finally")
        await cleanup("L1", cfg.get("l1", "none"))


async def main():
    global loop
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)
    cases = [
        ("bare yields in every finally", {"l3": "bare", "l2": "bare2", "l1": "bare"}, None),
        ("sleep, future, sleep", {"l3": "sleep", "l2": "fut", "l1": "sleep"}, None),
        ("second cancel at L3's bare yield", {"l3": "bare2", "l2": "bare"}, 1),
        ("second cancel at L3's future", {"l3": "fut", "l2": "bare"}, 1),
        ("second cancel at L2's bare yields", {"l3": "none", "l2": "bare2", "l1": "bare"}, 2),
        ("second cancel at L1's sleep", {"l3": "bare", "l2": "bare", "l1": "sleep"}, 3),
        ("bad yield in L3's finally", {"l3": "bad", "l2": "bare"}, None),
        ("bad yield in L1's finally", {"l3": "bare", "l1": "bad"}, None),
        ("L3 except relinquishes and returns", {"l3except": "bare2", "l3": "bare"}, None),
        ("L3 except sleeps, second cancel there", {"l3except": "sleep"}, 1),
    ]
    for title, cfg, second in cases:
        print("==", title)
        fut = loop.create_future()
        t = asyncio.create_task(l1(cfg, fut), name="T")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("cancel ->", t.cancel("first"), "at iteration", it[0])
        if second is not None:
            for _ in range(second):
                await asyncio.sleep(0)
            print("second cancel ->", t.cancel("second"), "at iteration", it[0])
        try:
            r = await t
            print("T result", repr(r), "cancelling", t.cancelling())
        except asyncio.CancelledError as e:
            print("T cancelled", repr(str(e)), "cancelling", t.cancelling())
        except Exception as e:
            print("T failed", kind(e), "cancelling", t.cancelling())
        print("   the future it waited on: cancelled", fut.cancelled())
    print("the loop goes on:", await asyncio.sleep(0, "ok"))
    stop.set_result(None)
    await ck


asyncio.run(main())
