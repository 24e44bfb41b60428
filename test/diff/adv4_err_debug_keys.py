import asyncio
import gc
import re

# In debug mode, which contexts carry the creation traceback ('source_traceback'; aionode's key
# is camelCase, sourceTraceback, mapped back here): failing call_soon / call_later callbacks
# scheduled inside and outside the loop, failing done callbacks, a cancelled-then-raising
# callback, never-retrieved futures and tasks created in debug mode, and a future created before
# debug mode was switched on; a direct call_exception_handler call keeps its keys. Source
# locations in messages are stripped; reports are sorted.
reports = []
keep = []


def stable(s):
    s = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", s)
    # a future's repr ends in its creation location in debug mode (cut by reprlib): drop it all
    return re.sub(r"\(<Future .*\)$", "(<Future ...>)", s)


def handler(lp, ctx):
    exc = ctx.get("exception")
    st = ctx.get("source_traceback")
    reports.append((stable(ctx["message"]), sorted(ctx), type(exc).__name__, str(exc), bool(st)))


class AppError(Exception):
    pass


def boom(*a):
    raise AppError("boom %d" % len(a))


async def fails(msg):
    await asyncio.sleep(0)
    raise AppError(msg)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.slow_callback_duration = 100
keep.append(loop.create_future())
keep[-1].set_exception(AppError("created before debug"))
loop.set_debug(True)
loop.set_exception_handler(handler)
loop.call_soon(boom, "outside")
loop.call_later(0, boom)


async def main():
    lp = asyncio.get_running_loop()
    lp.call_soon(boom, 1, 2)
    lp.call_later(0, boom, "timer")
    h = lp.call_soon(boom)
    h.cancel()
    f = lp.create_future()
    f.add_done_callback(boom)
    f.set_result(3)
    g = lp.create_future()
    g.set_exception(AppError("debug future"))
    keep.append(g)
    keep.append(lp.create_task(fails("debug task"), name="dt"))
    lp.call_exception_handler({"message": "direct", "extra": 1})
    for _ in range(5):
        await asyncio.sleep(0)
    print("main done")


loop.run_until_complete(main())
del keep[:]
gc.collect()
loop.close()
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
