import asyncio

# A TaskGroup entered in a task's coroutine, with the group passed down three levels of directly
# awaited coroutines; each level adds a child, then awaits the next level (the deepest loops),
# each with except CancelledError and a finally clause that awaits (level 2's also tries to add
# a late child: accepted while the group runs, refused with RuntimeError once it aborts). One
# child fails (w1 or w3) or none does, and the task is cancelled from outside after k
# iterations for every k until it finishes first. Trace: the order of children steps, body
# levels and cleanups, the group's error, what the task ends with, cancelling().

log = []


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


async def worker(name, steps, fail):
    L("    child", name, "start")
    try:
        for i in range(steps):
            await asyncio.sleep(0)
            if fail and i == 1:
                L("    child", name, "raises")
                raise ValueError(name)
        L("    child", name, "returns")
        return name
    except asyncio.CancelledError as e:
        L("    child", name, "cancelled", repr(str(e)))
        raise


async def spawn(tg, depth, plan):
    name = "w%d" % depth
    tg.create_task(worker(name, depth + 2, plan["fail"] == name), name=name)
    try:
        await asyncio.sleep(0)
        if depth > 1:
            r = await spawn(tg, depth - 1, plan)
        else:
            r = 0
            for _ in range(4):
                await asyncio.sleep(0)
                r += 1
        L("  level", depth, "got", r)
        return r + depth * 10
    except asyncio.CancelledError as e:
        L("  level", depth, "cancelled", repr(str(e)), "c=%d" % cnt())
        raise
    finally:
        if depth == 2:
            try:
                tg.create_task(worker("late", 1, False), name="late")
                L("  level 2 added a late child")
            except RuntimeError as e:
                L("  level 2 refused:", str(e))
        await asyncio.sleep(0)
        L("  level", depth, "finally done c=%d" % cnt())


async def top(plan):
    try:
        async with asyncio.TaskGroup() as tg:
            r = await spawn(tg, 3, plan)
            L(" body got", r)
        L(" group done c=%d" % cnt())
        return r
    except ExceptionGroup as eg:
        L(" group error", type(eg).__name__, repr(str(eg)), [repr(e) for e in eg.exceptions], "c=%d" % cnt())
        return "eg"
    except asyncio.CancelledError as e:
        L(" top cancelled", repr(str(e)), "c=%d" % cnt())
        raise


async def one(plan, k):
    log.clear()
    t = asyncio.create_task(top(plan), name="top")
    if k is not None:
        for _ in range(k):
            await asyncio.sleep(0)
        if t.done():
            return False
        t.cancel("ext")
    try:
        out = "result %r" % (await t,)
    except asyncio.CancelledError as e:
        out = "CancelledError %r" % str(e)
    print("fail", plan["fail"], "cancel at", k, "->", out, "cancelling", t.cancelling())
    for line in log:
        print("   ", line)
    await asyncio.sleep(0)
    return True


async def main():
    for fail in (None, "w1", "w3"):
        plan = {"fail": fail}
        await one(plan, None)
        k = 0
        while await one(plan, k):
            k += 1
        print("finished before cancel at", k)


asyncio.run(main())
