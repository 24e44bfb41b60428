import asyncio
import gc
import re

# What asyncio.run()'s shutdown reports through the handler set inside main(): tasks left
# pending that raise when cancelled ('unhandled exception during asyncio.run() shutdown', keys
# exception/message/task, once each: the shutdown retrieved them), one that raises an empty
# exception, one that turns the cancellation into a normal return (nothing), one that swallows
# it and then fails later; failing callbacks scheduled during the shutdown; a failing done
# callback on a pending task; a task spawned during the shutdown that fails (never retrieved);
# a task that failed before main returned (never retrieved). Reports are sorted.
reports = []


def stable(s):
    s = re.sub(r" at \S+\.py:\d+", "", s)
    # a cut task repr ends in the source location of its coroutine: keep its head only
    return re.sub(r"\(<Task (\w+)\.\.\..*\)$", r"(<Task \1...>)", s)


def handler(loop, ctx):
    exc = ctx.get("exception")
    t = ctx.get("task") or ctx.get("future")
    reports.append((stable(ctx["message"]), sorted(ctx), type(exc).__name__, str(exc),
                    t.get_name() if isinstance(t, asyncio.Task) else type(ctx.get("handle")).__name__))


class AppError(Exception):
    pass


async def fails(msg):
    await asyncio.sleep(0)
    raise AppError(msg)


def boom(tag):
    raise AppError("callback " + tag)


async def raises_on_cancel(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise AppError(msg)


async def returns_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "returned"


async def swallows_then_fails():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    raise AppError("failed after swallowing")


async def schedules_on_cancel():
    lp = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        lp.call_soon(boom, "soon during shutdown")
        lp.call_later(0, boom, "later during shutdown")
        lp.create_task(fails("spawned during shutdown"), name="spawned")
        raise


def done_boom(t):
    raise AppError("done callback of " + t.get_name())


async def settle(n=12):
    # a few loop iterations, independent of the machine's speed
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    lp = asyncio.get_running_loop()
    lp.set_exception_handler(handler)
    lp.create_task(fails("failed early"), name="early")
    lp.create_task(raises_on_cancel("raised on cancel"), name="roc")
    lp.create_task(raises_on_cancel(""), name="roc-empty")
    lp.create_task(returns_on_cancel(), name="ret")
    lp.create_task(swallows_then_fails(), name="swallow")
    lp.create_task(schedules_on_cancel(), name="sched")
    t = lp.create_task(asyncio.sleep(10), name="with-cb")
    t.add_done_callback(done_boom)
    await settle()
    print("main returns")
    return "main result"


print("run ->", asyncio.run(main()))
gc.collect()
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
