import asyncio

# A four-level delegation chain whose level `at` catches CancelledError and awaits again,
# `rounds` times, while the task is cancelled once per iteration with a new message. Each
# level has a finally; the resister optionally uncancel()s. The task's cancelling() count and
# cancel()'s return after every request, what each level sees, and how the task ends.

DEPTH = 3


async def levelx(i, at, rounds, uncancel, long_wait):
    # the resister may sit at any depth: levels above `at` delegate, `at` resists in its own loop
    print("   L%d enter" % i)
    try:
        if i == at:
            n = 0
            while True:
                try:
                    if n > 0:
                        if not long_wait:
                            await asyncio.sleep(0)
                            print("   L%d slept in its handler" % i)
                        await asyncio.sleep(0.2)
                        r = "retry"
                    elif i < DEPTH:
                        r = await levelx(i + 1, -1, rounds, uncancel, long_wait)
                    else:
                        await asyncio.sleep(1)
                        r = "slept"
                    return "L%d got %s after %d" % (i, r, n)
                except asyncio.CancelledError as e:
                    n += 1
                    t = asyncio.current_task()
                    print("   L%d resists #%d msg=%r cancelling=%d" % (i, n, str(e), t.cancelling()))
                    if uncancel:
                        print("   L%d uncancel ->" % i, t.uncancel())
                    if n >= rounds:
                        print("   L%d gives up resisting, returns" % i)
                        return "L%d resisted %d" % (i, n)
        if i < DEPTH:
            return "L%d<%s>" % (i, await levelx(i + 1, at, rounds, uncancel, long_wait))
        await asyncio.sleep(1)
        return "bottom"
    except asyncio.CancelledError as e:
        print("   L%d passes CancelledError %r" % (i, str(e)))
        raise
    finally:
        print("   L%d finally" % i)


async def run_case(fn, at, rounds, uncancel, long_wait, ncancel):
    print("== %s at=%d rounds=%d uncancel=%s long_wait=%s cancels=%d" % (fn.__name__, at, rounds, uncancel, long_wait, ncancel))
    t = asyncio.create_task(fn(0, at, rounds, uncancel, long_wait))
    await asyncio.sleep(0)
    for k in range(ncancel):
        if t.done():
            print(" task already done before cancel", k)
            break
        r = t.cancel("m%d" % k)
        print(" cancel m%d ->" % k, r, "cancelling", t.cancelling())
        await asyncio.sleep(0)
    try:
        r = await t
        print(" result", repr(r), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(" CancelledError", repr(str(e)), "cancelling", t.cancelling(), "cancelled", t.cancelled())


async def main():
    for at in range(DEPTH + 1):
        await run_case(levelx, at, 2, False, False, 3)
    for at in (0, 2, 3):
        await run_case(levelx, at, 3, True, False, 2)
        await run_case(levelx, at, 3, True, False, 5)
    await run_case(levelx, 1, 2, False, True, 4)
    await run_case(levelx, 3, 4, True, True, 3)
    await run_case(levelx, 2, 3, False, False, 1)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
