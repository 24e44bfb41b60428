import asyncio

# A task cancels itself (message 'pend') two coroutine levels deep, then awaits, at the third
# level, something that may complete without suspending: a done future, a done task, a coroutine
# returning at once, gather() of nothing, shield() of a done future, wait_for() of a done future
# with no timeout and with one (which suspends, and swallows the cancellation since the future is
# done), an empty timeout() block, an empty TaskGroup, a TaskGroup with one child, an
# uncontended Lock, a set Event, a non-empty Queue, sleep(0), shield() of a new task. The request
# stays pending until the first real suspension. Then each level either awaits sleep(0)
# (delivered there), returns (the task ends cancelled with the message), or raises ValueError
# (the task fails with it). Trace: what each probe returns, cancelling() after it, where the
# cancellation lands.


log = []


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


async def instant(v):
    return v


async def sleeper(tag):
    L("      child", tag, "runs")
    await asyncio.sleep(0)
    L("      child", tag, "done")
    return tag


def probes(finished):
    loop = asyncio.get_running_loop()

    async def done_future():
        f = loop.create_future()
        f.set_result("df")
        return await f

    async def done_task():
        return await finished

    async def shield_new_task():
        t = asyncio.create_task(instant("nt"))
        return await asyncio.shield(t)

    async def coro():
        return await instant(await instant("co"))

    async def gather0():
        return await asyncio.gather()

    async def shield_done():
        f = loop.create_future()
        f.set_result("sh")
        return await asyncio.shield(f)

    async def wait_for_none():
        f = loop.create_future()
        f.set_result("wf0")
        return await asyncio.wait_for(f, None)

    async def wait_for_10():
        f = loop.create_future()
        f.set_result("wf10")
        return await asyncio.wait_for(f, 10)

    async def timeout_empty():
        async with asyncio.timeout(10):
            r = await instant("to")
        return r

    async def tg_empty():
        async with asyncio.TaskGroup():
            r = await instant("tg0")
        return r

    async def tg_child():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("tgc"))
            r = "tg1"
        return r

    async def lock():
        lk = asyncio.Lock()
        async with lk:
            return "locked %s" % lk.locked()

    async def event():
        ev = asyncio.Event()
        ev.set()
        return await ev.wait()

    async def queue():
        q = asyncio.Queue()
        q.put_nowait("qv")
        return await q.get()

    async def sleep0():
        return await asyncio.sleep(0, "s0")

    return [done_future, done_task, shield_new_task, coro, gather0, shield_done, wait_for_none, wait_for_10,
            timeout_empty, tg_empty, tg_child, lock, event, queue, sleep0]


async def level3(probe):
    try:
        r = await probe()
        L("    L3", probe.__name__, "->", repr(r), "c=%d" % cnt())
        return r
    except BaseException as e:
        L("    L3", probe.__name__, "raised", type(e).__name__, repr(str(e)), "c=%d" % cnt())
        raise


async def level2(probe, then):
    asyncio.current_task().cancel("pend")
    L("  L2 cancelled itself c=%d" % cnt())
    r = await level3(probe)
    L("  L2 got", repr(r))
    if then == "sleep":
        try:
            await asyncio.sleep(0)
            L("  L2 slept, nothing pending")
        except asyncio.CancelledError as e:
            L("  L2 sleep raised", repr(str(e)), "c=%d" % cnt())
            raise
    elif then == "raise":
        raise ValueError("after " + probe.__name__)
    return r


async def level1(probe, then):
    r = await level2(probe, then)
    L("L1 got", repr(r))
    return r


async def main():
    finished = asyncio.create_task(instant("dt"))
    await finished
    for then in ("sleep", "return", "raise"):
        for probe in probes(finished):
            log.clear()
            t = asyncio.create_task(level1(probe, then))
            try:
                r = await t
                out = "result %r" % (r,)
            except asyncio.CancelledError as e:
                out = "CancelledError %r" % str(e)
            except ValueError as e:
                out = "ValueError %r" % str(e)
            print(probe.__name__, then, "->", out, "cancelling", t.cancelling())
            for line in log:
                print("   ", line)
            await asyncio.sleep(0)


asyncio.run(main())
