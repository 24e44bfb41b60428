import asyncio

# A task `mid` awaits (through two inline levels) a task `inner`. A done callback on `inner`,
# registered before `mid` starts waiting, so it runs before mid's wake-up, cancels `mid` once,
# twice with two messages, or cancels and then uncancel()s it. mid's waiter is already done,
# so the request is kept for its next step: the CancelledError replaces inner's result or
# exception (the second message wins; uncancel() lowers the count but does not withdraw it).
# With the callback registered after mid waits, mid's wake-up comes first and the result
# gets through; the cancel lands at mid's next await.


class AppError(Exception):
    pass


async def inner_body(outcome):
    await asyncio.sleep(0)
    if outcome == "fail":
        raise AppError("inner failed")
    if outcome == "cancel":
        asyncio.current_task().cancel("inner cancels itself")
        await asyncio.sleep(0)
    return "inner result"


async def level(i, inner):
    try:
        if i == 0:
            r = await inner
        else:
            r = await level(i - 1, inner)
        print("   L%d got %r" % (i, r))
        if i == 2:
            await asyncio.sleep(0)
            print("   L%d slept after the result" % i)
        return r
    except asyncio.CancelledError as e:
        print("   L%d CancelledError %r cancelling=%d" % (i, str(e), asyncio.current_task().cancelling()))
        raise
    except AppError as e:
        print("   L%d AppError %r" % (i, str(e)))
        raise
    finally:
        print("   L%d finally" % i)


def state(name, t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            return "%s cancelled %r (cancelling %d)" % (name, str(e), t.cancelling())
    if t.exception() is not None:
        return "%s failed %s (cancelling %d)" % (name, type(t.exception()).__name__, t.cancelling())
    return "%s -> %r (cancelling %d)" % (name, t.result(), t.cancelling())


async def run_case(outcome, action, early):
    print("== inner %s, callback %s, registered %s" % (outcome, action, "before mid waits" if early else "after"))
    inner = asyncio.create_task(inner_body(outcome), name="inner")
    holder = []

    def cb(f):
        m = holder[0]
        print("  callback: inner done, mid done=%s" % m.done())
        print("  cancel ->", m.cancel("c1"), "cancelling", m.cancelling())
        if action == "twice":
            print("  cancel ->", m.cancel("c2"), "cancelling", m.cancelling())
        if action == "uncancel":
            print("  uncancel ->", m.uncancel())

    mid = asyncio.create_task(level(2, inner), name="mid")
    holder.append(mid)
    if early:
        inner.add_done_callback(cb)
        await asyncio.sleep(0)
    else:
        await asyncio.sleep(0)
        inner.add_done_callback(cb)
    await asyncio.wait([mid])
    print(" ", state("inner", inner))
    print(" ", state("mid", mid))


async def main():
    for early in (True, False):
        for outcome in ("result", "fail", "cancel"):
            for action in ("once", "twice", "uncancel"):
                await run_case(outcome, action, early)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
