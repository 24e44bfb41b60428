import asyncio

# A TaskGroup as the awaitable of other combinators: under wait_for (the deadline cancels the
# group's task: TimeoutError, or the group's errors when a child fails in reply), under shield
# (the outer await cancelled, the group finishing on its own), in gather with return_exceptions
# (the ExceptionGroup as a result), several groups in gather failing together, and a body that
# uncancels its own task after the group's cancellation (the exit's uncancel() then goes below).

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print("  ", name, "woke")
        return name
    except asyncio.CancelledError:
        print("  ", name, "cancelled")
        raise

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(msg)

async def fail_on_cancel(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  ", msg, "fails on cancel")
        raise KeyError(msg)

async def group(*coros, result="group-result"):
    async with asyncio.TaskGroup() as tg:
        for c in coros:
            tg.create_task(c)
    return result

async def attempt(label, aw):
    print("--", label)
    try:
        r = await aw
        print("  result", repr(r))
    except BaseException as e:
        print("  raised", desc(e))

async def uncancelling_body():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, "boom"))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  body uncancels ->", me.uncancel())
    return "unreached"

async def main():
    await attempt("wait_for expires over a group", asyncio.wait_for(group(sleeper("a", 10)), 0.1))
    await attempt("wait_for: a child fails in reply to the deadline",
                  asyncio.wait_for(group(fail_on_cancel("k"), asyncio.sleep(10)), 0.1))
    await attempt("wait_for: the group ends in time", asyncio.wait_for(group(sleeper("c", 0.01)), 5))
    await attempt("wait_for: a child fails first", asyncio.wait_for(group(fail(2, "early"), sleeper("d", 10)), 5))

    print("-- shield: the outer await cancelled, the group goes on")
    inner = asyncio.ensure_future(group(sleeper("e", 0.2), result="shielded"))
    outer = asyncio.create_task(attempt("shielded await", asyncio.shield(inner)))
    await asyncio.sleep(0.05)
    outer.cancel()
    await asyncio.gather(outer, return_exceptions=True)
    print("  outer cancelled", outer.cancelled(), "inner done", inner.done())
    print("  inner result", await inner)

    print("-- gather with return_exceptions over groups")
    rs = await asyncio.gather(group(fail(1, "g1")), group(sleeper("f", 0.01)), group(fail(3, "g3"), fail(3, "g3b")),
                              return_exceptions=True)
    for r in rs:
        print("  ", desc(r) if isinstance(r, BaseException) else repr(r))

    print("-- gather without return_exceptions: the first group error, the others go on")
    g2 = asyncio.gather(group(fail(1, "first")), group(sleeper("g", 0.05), result="late"))
    try:
        await g2
    except BaseException as e:
        print("  raised", desc(e))
    await asyncio.sleep(0.1)
    print("  gather done", g2.done())

    await attempt("body uncancels its own task", asyncio.create_task(uncancelling_body()))
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
