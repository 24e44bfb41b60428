import asyncio

DEPTH = 4


async def cleanup(level):
    await asyncio.sleep(0)
    return "cleaned %d" % level


async def level(i, swallow_at):
    print("  L%d enter" % i)
    try:
        await asyncio.sleep(0)
        if i < DEPTH:
            r = await level(i + 1, swallow_at)
        else:
            r = "bottom"
        print("  L%d got %r" % (i, r))
        await asyncio.sleep(0)
        return "L%d(%s)" % (i, r)
    except asyncio.CancelledError as e:
        print("  L%d cancelled %r cancelling=%d" % (i, str(e), asyncio.current_task().cancelling()))
        c = await cleanup(i)
        print("  L%d %s" % (i, c))
        if i == swallow_at:
            return "L%d swallowed" % i
        raise
    finally:
        print("  L%d finally" % i)


async def run_case(k, swallow_at, twice):
    t = asyncio.create_task(level(0, swallow_at))
    for _ in range(k):
        await asyncio.sleep(0)
    r1 = t.cancel("at %d" % k)
    r2 = t.cancel("again") if twice else None
    print(" cancel ->", r1, r2, "cancelling", t.cancelling())
    try:
        r = await t
        print(" result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(" raised CancelledError", repr(str(e)), "cancelling", t.cancelling())


async def main():
    for k in range(2 * DEPTH + 3):
        print("== cancel after", k, "iterations")
        await run_case(k, -1, False)
    for k in (3, 6, 9):
        print("== swallowed at level 2, cancel after", k)
        await run_case(k, 2, False)
    for k in (1, 4, 8):
        print("== two cancels, after", k)
        await run_case(k, -1, True)


asyncio.run(main())
