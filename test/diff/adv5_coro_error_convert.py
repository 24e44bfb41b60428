import asyncio

# Errors changing type on their way up a delegation chain: a ValueError raised at some depth,
# or a cancellation arriving while some depth awaits, meets a converter level that raises an
# AppError from its except clause, raises one from its finally (at once, or after awaiting),
# or swallows and returns. A wrapper task awaits the task; what each level saw, and how both
# tasks end (result, exception type and message, cancelled(), cancelling()).

DEPTH = 3


class AppError(Exception):
    pass


async def level(i, origin, conv_at, mode):
    print("   L%d enter" % i)
    try:
        await asyncio.sleep(0)
        if origin == ("fail", i):
            raise ValueError("bad at L%d" % i)
        if i < DEPTH:
            r = await level(i + 1, origin, conv_at, mode)
        else:
            await asyncio.sleep(1)
            r = "bottom"
        print("   L%d got %r" % (i, r))
        return "L%d(%s)" % (i, r)
    except BaseException as e:
        print("   L%d sees %s %r" % (i, type(e).__name__, str(e)))
        if i == conv_at and mode == "except":
            raise AppError("L%d converted %s" % (i, type(e).__name__))
        if i == conv_at and mode == "return":
            return "L%d swallowed %s" % (i, type(e).__name__)
        raise
    finally:
        print("   L%d finally" % i)
        if i == conv_at and mode == "finally":
            raise AppError("L%d finally raised" % i)
        if i == conv_at and mode == "finally_await":
            await asyncio.sleep(0)
            print("   L%d finally awaited" % i)
            raise AppError("L%d finally raised after await" % i)


async def wrapper(t):
    try:
        return "w got " + await t
    except asyncio.CancelledError as e:
        print("  wrapper sees CancelledError %r" % str(e))
        raise
    except Exception as e:
        print("  wrapper sees %s %r" % (type(e).__name__, str(e)))
        raise


def describe(name, t):
    if t.cancelled():
        print("  %s cancelled, cancelling %d" % (name, t.cancelling()))
    elif t.exception() is not None:
        e = t.exception()
        print("  %s failed %s %r, cancelling %d" % (name, type(e).__name__, str(e), t.cancelling()))
    else:
        print("  %s result %r, cancelling %d" % (name, t.result(), t.cancelling()))


async def run_case(origin, conv_at, mode):
    print("== origin %s conv_at %s mode %s" % (origin, conv_at, mode))
    t = asyncio.create_task(level(0, origin, conv_at, mode))
    w = asyncio.create_task(wrapper(t))
    if origin[0] == "cancel":
        for _ in range(origin[1]):
            await asyncio.sleep(0)
        print("  cancel ->", t.cancel("stop"))
    await asyncio.wait([w])
    describe("task", t)
    describe("wrapper", w)


async def main():
    origins = [("fail", 1), ("fail", 3), ("cancel", 0), ("cancel", 2), ("cancel", 4)]
    for origin in origins:
        await run_case(origin, None, None)
        for conv_at in (0, 1, 2):
            for mode in ("except", "return", "finally", "finally_await"):
                await run_case(origin, conv_at, mode)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
