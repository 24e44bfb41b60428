import asyncio

# wait_for() entered from a coroutine two levels below a task, on a three-level chain of directly
# awaited coroutines whose bottom waits on a future nobody sets. The timeout (0.05 s, 0, -1, or a
# wait_for(0.3) nested inside a wait_for(0.05)) cancels the chain's task: the bottom re-raises
# after an await, or returns a value; the middle re-raises, converts to ValueError, or awaits and
# returns a value; every level's cleanup awaits. Then the caller's task is cancelled from
# outside after k iterations while wait_for(10) runs. Trace: what each level sees (the chain
# runs in wait_for's own task), what wait_for gives the caller, cancelling() at each level.

log = []
loop = None


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


def who():
    return asyncio.current_task().get_name()


async def l3(mode, pend):
    try:
        L("      L3 waits in", who())
        await pend
    except asyncio.CancelledError as e:
        L("      L3 cancelled", repr(str(e)), "c=%d" % cnt())
        await asyncio.sleep(0)
        if mode == "swallow3":
            return "L3-swallowed"
        raise
    finally:
        await asyncio.sleep(0)
        L("      L3 finally")


async def l2(mode, pend):
    try:
        r = await l3(mode, pend)
        L("     L2 got", r)
        return "L2(" + r + ")"
    except asyncio.CancelledError as e:
        L("     L2 cancelled", repr(str(e)), "c=%d" % cnt())
        if mode == "convert2":
            raise ValueError("converted")
        if mode == "swallow2":
            await asyncio.sleep(0)
            return "L2-swallowed"
        raise


async def l1(mode, pend):
    r = await l2(mode, pend)
    L("    L1 got", r)
    return r


async def inner_caller(mode, timeout):
    pend = loop.create_future()
    try:
        if timeout == "nested":
            r = await asyncio.wait_for(asyncio.wait_for(l1(mode, pend), 0.3), 0.05)
        else:
            r = await asyncio.wait_for(l1(mode, pend), timeout)
        L("  wait_for ->", repr(r), "c=%d" % cnt())
        return r
    except asyncio.TimeoutError:
        L("  TimeoutError c=%d" % cnt())
        return "timeout"
    except ValueError as e:
        L("  ValueError", repr(str(e)), "c=%d" % cnt())
        return "value-error"
    except asyncio.CancelledError as e:
        L("  CancelledError", repr(str(e)), "c=%d" % cnt())
        raise
    finally:
        L("  pend", "cancelled" if pend.cancelled() else "pending" if not pend.done() else "done")


async def caller(mode, timeout):
    r = await inner_caller(mode, timeout)
    L(" caller got", repr(r))
    return r


async def report(t, label):
    try:
        out = "result %r" % (await t,)
    except asyncio.CancelledError as e:
        out = "CancelledError %r" % str(e)
    print(label, "->", out, "cancelling", t.cancelling())
    for line in log:
        print("   ", line)
    log.clear()


async def main():
    global loop
    loop = asyncio.get_running_loop()
    for timeout in (0.05, 0, -1, "nested"):
        for mode in ("raise", "swallow3", "swallow2", "convert2"):
            await report(asyncio.create_task(caller(mode, timeout)), "timeout %s mode %s" % (timeout, mode))
    for mode in ("raise", "swallow3", "convert2"):
        for k in range(7):
            t = asyncio.create_task(caller(mode, 10))
            for _ in range(k):
                await asyncio.sleep(0)
            t.cancel("ext")
            await report(t, "cancel at %d mode %s" % (k, mode))
            for _ in range(5):
                await asyncio.sleep(0)
            if log:
                print("    afterwards:", " | ".join(log))
                log.clear()


asyncio.run(main())
