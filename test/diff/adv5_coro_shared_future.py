import asyncio

# The future a delegation chain awaits at its bottom, seen from the levels above: cancelled
# through task.cancel() (the message reaches the future), cancelled directly (the task is not
# being cancelled: cancelling() stays 0), shared by two tasks at different depths (cancelling
# one task cancels the future under the other), awaited again after it was cancelled (raises
# at once, no suspension), and resolved while a level is already handling a cancellation.

order = []


async def level(name, i, depth, fut, mode):
    try:
        if i < depth:
            r = await level(name, i + 1, depth, fut, mode)
            print("  %s L%d got %r" % (name, i, r))
            return r
        try:
            return await fut
        except asyncio.CancelledError as e:
            t = asyncio.current_task()
            print("  %s bottom L%d CancelledError %r cancelling=%d fut.cancelled=%s" % (name, i, str(e), t.cancelling(), fut.cancelled()))
            if mode == "reawait":
                try:
                    await fut
                except asyncio.CancelledError as e2:
                    print("  %s re-await raised %r, same object %s" % (name, str(e2), e2 is e))
                return "recovered after re-await"
            if mode == "wait_new":
                nf = asyncio.get_running_loop().create_future()
                asyncio.get_running_loop().call_soon(nf.set_result, "new value")
                v = await nf
                print("  %s got %r from a new future" % (name, v))
                return v
            raise
    finally:
        print("  %s L%d finally" % (name, i))


def state(name, t):
    if t.cancelled():
        return "%s cancelled (cancelling %d)" % (name, t.cancelling())
    if t.exception() is not None:
        return "%s failed %s" % (name, type(t.exception()).__name__)
    return "%s -> %r (cancelling %d)" % (name, t.result(), t.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    for mode in ("raise", "reawait", "wait_new"):
        print("== task.cancel() with a message, mode", mode)
        f = loop.create_future()
        t = asyncio.create_task(level("A", 0, 2, f, mode))
        await asyncio.sleep(0)
        print(" cancel ->", t.cancel("via task"), "fut.cancelled", f.cancelled())
        await asyncio.wait([t])
        print("", state("A", t), "| fut", f.cancelled())

        print("== the future cancelled directly, mode", mode)
        f = loop.create_future()
        t = asyncio.create_task(level("B", 0, 3, f, mode))
        await asyncio.sleep(0)
        print(" fut.cancel ->", f.cancel("direct"), "task cancelling", t.cancelling())
        await asyncio.wait([t])
        print("", state("B", t))

    print("== one future under two tasks at depths 1 and 3; the shallow task is cancelled")
    f = loop.create_future()
    a = asyncio.create_task(level("S", 0, 1, f, "raise"))
    b = asyncio.create_task(level("D", 0, 3, f, "wait_new"))
    await asyncio.sleep(0)
    print(" cancel S ->", a.cancel("only S"))
    await asyncio.wait([a, b])
    print("", state("S", a), "|", state("D", b))

    print("== same, the deep task is cancelled, the shallow one re-awaits")
    f = loop.create_future()
    a = asyncio.create_task(level("S", 0, 1, f, "reawait"))
    b = asyncio.create_task(level("D", 0, 3, f, "raise"))
    await asyncio.sleep(0)
    print(" cancel D ->", b.cancel(), "then again ->", b.cancel("second"))
    await asyncio.wait([a, b])
    print("", state("S", a), "|", state("D", b))

    print("== the future resolved, then the task cancelled in the same iteration")
    f = loop.create_future()
    t = asyncio.create_task(level("R", 0, 2, f, "raise"))
    await asyncio.sleep(0)
    f.set_result("value")
    print(" cancel ->", t.cancel("late"), "fut", f.result())
    await asyncio.wait([t])
    print("", state("R", t))

    print("== the task cancelled, then the future resolved in the same iteration (too late)")
    f = loop.create_future()
    t = asyncio.create_task(level("Q", 0, 2, f, "raise"))
    await asyncio.sleep(0)
    print(" cancel ->", t.cancel("first"))
    try:
        f.set_result("value")
    except asyncio.InvalidStateError as e:
        print(" set_result raised InvalidStateError", repr(str(e)))
    await asyncio.wait([t])
    print("", state("Q", t))
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
