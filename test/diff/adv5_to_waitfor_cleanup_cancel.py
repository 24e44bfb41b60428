import asyncio

# wait_for() gave up (timeout 0 or a tiny one, or it was cancelled) and waits for the inner task
# to finish cancelling, while the inner task cleans up slowly; the waiting task is cancelled at
# every tick of that (a sweep). What wait_for raises, with which message, cancelling() on both
# sides, and how the abandoned inner task ends. Then an inner task that never gives in, with an
# enclosing timeout() that expires while wait_for waits for it.
INF = float("inf")


def fmt(e):
    return type(e).__name__ + "(" + repr(str(e)) + ")"


def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "failed " + fmt(t.exception())
    return "result " + repr(t.result())


async def inner(name, k, mode, h):
    me = asyncio.current_task()
    h["task"] = me
    try:
        await asyncio.sleep(INF)
    except asyncio.CancelledError as e:
        print("   ", name, "inner cancelled", repr(str(e)), "cancelling", me.cancelling())
        for i in range(k):
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError as e2:
                print("   ", name, "inner cancelled again at", i, repr(str(e2)), "cancelling", me.cancelling())
        if mode == "raise":
            raise KeyError(name)
        if mode == "cancel":
            raise
        return name + " cleaned"


async def waiter(name, k, mode, to, h, started):
    me = asyncio.current_task()
    aw = inner(name, k, mode, h)
    if started:
        aw = asyncio.create_task(aw)
        await asyncio.sleep(0)
    try:
        r = await asyncio.wait_for(aw, to)
        return "wait_for -> " + repr(r)
    except BaseException as e:
        return "wait_for raised %s cancelling %d" % (fmt(e), me.cancelling())


async def sweep(label, k, mode, to, j, j2=None, started=True):
    h = {}
    w = asyncio.create_task(waiter(label, k, mode, to, h, started))
    for _ in range(j):
        await asyncio.sleep(0)
    print(" ", label, "cancel at", j, "->", w.cancel("ext%d" % j))
    if j2 is not None:
        for _ in range(j2):
            await asyncio.sleep(0)
        print(" ", label, "cancel again after", j2, "->", w.cancel("again%d" % j2))
    try:
        print("   ", label, await w)
    except asyncio.CancelledError as e:
        print("   ", label, "waiter task cancelled", repr(str(e)))
    it = h.get("task")
    if it is None:
        print("    inner never started")
    elif it is w:
        print("    inner ran in the waiter task")
    else:
        was = state(it)
        if not it.done():
            if it.cancelling() == 0:
                print("    inner left running: cancel ->", it.cancel("leftover"))
            await asyncio.wait({it})
        print("    inner was", was, "ends", state(it), "cancelling", it.cancelling())


async def stuck(flag):
    me = asyncio.current_task()
    n = 0
    while not flag["stop"]:
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            n += 1
            print("    stuck swallowed", repr(str(e)), "cancelling", me.cancelling())
    return "stuck ended after %d" % n


async def guarded(flag, h, to):
    me = asyncio.current_task()
    cm = None
    it = asyncio.create_task(stuck(flag))
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(INF) as cm:
            h["cm"] = cm
            await asyncio.wait_for(it, to)
        return "no error"
    except TimeoutError as e:
        return "TimeoutError cause %s cancelling %d expired %s" % (type(e.__cause__).__name__, me.cancelling(), cm.expired())
    except asyncio.CancelledError as e:
        return "CancelledError %r cancelling %d" % (str(e), me.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    print("-- a coroutine and timeout 0: it never starts")
    for j in range(5):
        await sweep("z", 3, "return", 0, j, started=False)
    for to in (0, 1e-9):
        print("-- timeout", to, ": the waiter is cancelled at tick j, the inner cleans up over 3 ticks")
        for j in range(9):
            await sweep("r", 3, "return", to, j)
        print("-- timeout", to, ": the inner raises or re-raises after cleaning up")
        for j in (2, 3, 4):
            await sweep("x", 2, "raise", to, j)
            await sweep("c", 2, "cancel", to, j)

    print("-- timeout None: the inner runs in the waiter task itself")
    for j in (0, 1, 2, 3):
        await sweep("n", 2, "return", None, j, started=False)

    print("-- no timeout yet (inf): cancelled, then cancelled again during the cleanup")
    for j2 in range(5):
        await sweep("i", 3, "return", INF, 2, j2)
    for j2 in (1, 2, 3):
        await sweep("ic", 2, "cancel", INF, 2, j2)

    print("-- an enclosing timeout expires while wait_for waits for an inner that never gives in")
    for to in (0, 1e-9, INF):
        flag = {"stop": False}
        h = {}
        t = asyncio.create_task(guarded(flag, h, to))
        for _ in range(3):
            await asyncio.sleep(0)
        print("  timeout", to, "guarded done", t.done())
        h["cm"].reschedule(loop.time() - 1)
        for _ in range(3):
            await asyncio.sleep(0)
        print("  timeout", to, "guarded done", t.done(), "cancelling", t.cancelling())
        flag["stop"] = True
        print("  timeout", to, "->", await t)
        for _ in range(3):
            await asyncio.sleep(0)


asyncio.run(main())
