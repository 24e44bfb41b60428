import asyncio

# A task's cancel(msg) (once, or twice in one iteration with two messages) while its coroutine,
# two levels deep, awaits: a future, another task, a gather of two tasks, a shield of a task,
# wait_for(task), wait([task]), an as_completed awaitable, or sleep(). What message each level
# and each inner task sees, how the inner tasks end, cancelling() of everybody, and the message
# of the CancelledError that the task's result() finally raises. An inner task that catches
# the cancellation and returns a value instead, for each kind.

log = print


async def leaf(label, mode):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        log("      leaf", label, "caught", repr(str(e)), "cancelling", me.cancelling())
        if mode == "swallow":
            return "swallowed " + label
        raise
    return "slept " + label


def make(kind, mode):
    loop = asyncio.get_running_loop()
    inner = []

    def task(label):
        t = asyncio.create_task(leaf(label, mode), name=label)
        inner.append(t)
        return t

    if kind == "future":
        f = loop.create_future()
        inner.append(f)
        return f, inner
    if kind == "task":
        return task("u"), inner
    if kind == "gather":
        return asyncio.gather(task("u1"), task("u2")), inner
    if kind == "shield":
        return asyncio.shield(task("u")), inner
    if kind == "wait_for":
        return asyncio.wait_for(task("u"), 5), inner
    if kind == "wait":
        return asyncio.wait([task("u")]), inner
    if kind == "as_completed":
        return next(iter(asyncio.as_completed([task("u")]))), inner
    return asyncio.sleep(1), inner


async def level2(aw):
    try:
        r = await aw
        log("    level2 got", repr(r) if not isinstance(r, tuple) else "a (done, pending) pair")
        return "level2 value"
    except asyncio.CancelledError as e:
        log("    level2 caught", repr(str(e)))
        raise


async def level1(aw):
    try:
        return await level2(aw)
    except asyncio.CancelledError as e:
        log("   level1 caught", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        raise


def end(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        try:
            f.result()
        except asyncio.CancelledError as e:
            return "cancelled " + repr(str(e))
    if f.exception() is not None:
        return "exception " + repr(f.exception())
    return "result " + repr(f.result())


async def main():
    for mode in ("raise", "swallow"):
        for kind in ("future", "task", "gather", "shield", "wait_for", "wait", "as_completed", "sleep"):
            for msgs in (("m1",), ("m1", "m2")):
                if mode == "swallow" and (kind in ("future", "sleep") or len(msgs) == 2):
                    continue
                print("--", mode, kind, msgs)
                aw, inner = make(kind, mode)
                t = asyncio.create_task(level1(aw), name="T")
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                print("  cancel ->", [t.cancel(m) for m in msgs], "cancelling", t.cancelling())
                for _ in range(6):
                    await asyncio.sleep(0)
                print("  T", end(t), "cancelling", t.cancelling())
                for u in inner:
                    if not u.done():
                        u.cancel()
                        await asyncio.sleep(0)
                        await asyncio.sleep(0)
                        print("  inner left running, cancelled now:", end(u))
                    else:
                        print("  inner", end(u), "cancelling", u.cancelling() if isinstance(u, asyncio.Task) else "-")
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
