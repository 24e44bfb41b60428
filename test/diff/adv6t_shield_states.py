import asyncio

# shield() of a task in every state: done (the task itself comes back), failed, cancelled
# (awaiting it raises the saved CancelledError, then a fresh one), pending and then cancelled
# with a message (the outer is cancelled without one), pending and the outer cancelled with a
# message while the inner later fails (its exception is retrieved by shield: nothing is
# reported) or is cancelled, the outer and the inner cancelled in the same iteration (the
# inner's callback finds the outer cancelled), and a shield of a shield. An exception handler
# prints anything reported; the loop keeps working after each case.


def desc(x):
    if isinstance(x, BaseException):
        return type(x).__name__ + "(" + repr(str(x)) + ")"
    return repr(x)


def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return "exception " + desc(f.exception())
    return "result " + repr(f.result())


async def work(label, delay, mode="ok"):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print("   ", label, "inner cancelled", repr(str(e)))
        raise
    if mode == "fail":
        raise ValueError(label)
    return label


async def guarded(label, aw):
    me = asyncio.current_task()
    try:
        r = await aw
        print("   ", label, "awaiter got", repr(r))
    except asyncio.CancelledError as e:
        print("   ", label, "awaiter CancelledError", repr(str(e)), "cancelling", me.cancelling())
    except ValueError as e:
        print("   ", label, "awaiter", desc(e))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: print("   HANDLER", ctx["message"], desc(ctx.get("exception"))))

    print("-- done, failed and cancelled tasks come back as they are")
    t_ok = asyncio.create_task(work("ok", 0))
    t_bad = asyncio.create_task(work("bad", 0, "fail"))
    t_can = asyncio.create_task(work("can", 1))
    await asyncio.sleep(0)
    t_can.cancel("can msg")
    await asyncio.sleep(0.01)
    for t in (t_ok, t_bad, t_can):
        s = asyncio.shield(t)
        print("  shield is task", s is t, state(t) if not t.cancelled() else "cancelled")
    await guarded("ok", asyncio.shield(t_ok))
    await guarded("bad", asyncio.shield(t_bad))
    await guarded("can-1", asyncio.shield(t_can))
    await guarded("can-2", asyncio.shield(t_can))

    print("-- inner cancelled with a message while shielded")
    inner = asyncio.create_task(work("i1", 1))
    outer = asyncio.shield(inner)
    g = asyncio.create_task(guarded("i1", outer))
    await asyncio.sleep(0)
    print("  inner.cancel ->", inner.cancel("inner msg"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  outer", state(outer), "inner", state(inner), "awaiter done", g.done())
    try:
        outer.result()
    except asyncio.CancelledError as e:
        print("  outer result raises", repr(str(e)))

    print("-- outer cancelled with a message, inner later fails / is cancelled / succeeds")
    for mode in ("fail", "cancel", "ok"):
        inner = asyncio.create_task(work("i2-" + mode, 0.02, "fail" if mode == "fail" else "ok"))
        outer = asyncio.shield(inner)
        g = asyncio.create_task(guarded("i2-" + mode, outer))
        await asyncio.sleep(0)
        print("  outer.cancel ->", outer.cancel("outer msg"), "inner cancelling", inner.cancelling())
        await asyncio.sleep(0)
        print("  awaiter done", g.done(), "inner", state(inner))
        if mode == "cancel":
            inner.cancel("later")
        await asyncio.sleep(0.05)
        print("  inner finally", state(inner))

    print("-- outer and inner cancelled in the same iteration")
    for first in ("outer", "inner"):
        inner = asyncio.create_task(work("i3-" + first, 1))
        outer = asyncio.shield(inner)
        await asyncio.sleep(0)
        if first == "outer":
            print("  cancels ->", outer.cancel("o"), inner.cancel("i"))
        else:
            print("  cancels ->", inner.cancel("i"), outer.cancel("o"))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("  outer", state(outer), "inner", state(inner))
        try:
            outer.result()
        except asyncio.CancelledError as e:
            print("  outer message", repr(str(e)))

    print("-- shield of a shield, the middle one cancelled")
    inner = asyncio.create_task(work("i4", 0.02))
    mid = asyncio.shield(inner)
    top = asyncio.shield(mid)
    g = asyncio.create_task(guarded("top", top))
    await asyncio.sleep(0)
    print("  mid.cancel ->", mid.cancel("mid msg"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  top", state(top), "mid", state(mid), "inner", state(inner), "awaiter done", g.done())
    await asyncio.sleep(0.05)
    print("  inner", state(inner))

    print("-- shield of a coroutine: the task it makes")
    outer = asyncio.shield(work("coro", 0))
    print("  outer is a future", asyncio.isfuture(outer), "task count", len([t for t in asyncio.all_tasks() if t is not asyncio.current_task()]))
    print("  got", await outer)
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
