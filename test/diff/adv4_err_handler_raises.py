import asyncio
import gc
import re

# Custom exception handlers that raise: for a failing callback, a failing done callback, a direct
# call_exception_handler() from a task and from outside the loop, while reporting unretrieved
# exceptions at the end; a handler raising CancelledError; a handler that swaps itself for
# another (or for None) and then raises; the (instance-overridden) default handler receives
# 'Unhandled error in exception handler' with the original context, and when it raises as
# well nothing escapes. Reports from the end of the run are sorted.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
late = []


def stable(s):
    return re.sub(r" at \S+\.py:\d+", "", s)


def describe(ctx):
    exc = ctx.get("exception")
    return "%s | %s | %s %r" % (stable(ctx.get("message", "<no message>")), sorted(ctx), type(exc).__name__, str(exc))


def default_override(ctx):
    inner = ctx.get("context")
    line = "default | " + describe(ctx) + " | inner: " + (describe(inner) if inner is not None else "-")
    if collecting[0]:
        late.append(line)
    else:
        print(line)
    if ctx.get("message") == "Unhandled error in exception handler" and inner is not None and inner.get("message") == "please fail the default too":
        raise RuntimeError("default broke as well")


loop.default_exception_handler = default_override
collecting = [False]


class AppError(Exception):
    pass


class HandlerError(Exception):
    pass


def raising(lp, ctx):
    line = "raising | " + describe(ctx) + " | current handler is me: " + str(lp.get_exception_handler() is raising)
    if collecting[0]:
        late.append(line)
    else:
        print(line)
    raise HandlerError("handler broke on " + ctx.get("message", "?")[:20])


def raising_cancel(lp, ctx):
    print("raising_cancel |", describe(ctx))
    raise asyncio.CancelledError("cancel from handler")


def polite(lp, ctx):
    print("polite |", describe(ctx))


def swap_then_raise(lp, ctx):
    print("swap_then_raise |", describe(ctx))
    lp.set_exception_handler(polite)
    raise HandlerError()


def reset_then_raise(lp, ctx):
    print("reset_then_raise |", describe(ctx))
    lp.set_exception_handler(None)
    raise HandlerError("after reset")


def boom(*a):
    raise AppError("boom")


def fine(tag):
    print("fine", tag)


async def fails(msg):
    await asyncio.sleep(0)
    raise AppError(msg)


keep = []


async def settle(n=12):
    # a few loop iterations, independent of the machine's speed
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    lp = asyncio.get_running_loop()
    print("-- raising handler: callbacks")
    lp.set_exception_handler(raising)
    lp.call_soon(boom, 1)
    lp.call_soon(fine, 1)
    f = lp.create_future()
    f.add_done_callback(boom)
    f.set_result(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("-- raising handler: direct calls from a task")
    lp.call_exception_handler({"message": "direct from task", "task": asyncio.current_task()})
    print("task goes on")
    lp.call_exception_handler({"message": "please fail the default too"})
    print("task still goes on")
    lp.call_exception_handler({"exception": AppError("no message key")})
    print("-- handler raising CancelledError")
    lp.set_exception_handler(raising_cancel)
    lp.call_soon(boom)
    lp.call_soon(fine, 2)
    await asyncio.sleep(0)
    lp.call_exception_handler({"message": "direct, cancel from handler"})
    print("not cancelled:", asyncio.current_task().cancelling())
    print("-- swap then raise")
    lp.set_exception_handler(swap_then_raise)
    lp.call_soon(boom)
    lp.call_soon(boom, 2)
    await asyncio.sleep(0)
    print("handler now polite:", lp.get_exception_handler() is polite)
    print("-- reset then raise")
    lp.set_exception_handler(reset_then_raise)
    lp.call_soon(boom)
    lp.call_soon(boom, 3)
    await asyncio.sleep(0)
    print("handler now", lp.get_exception_handler())
    print("-- unretrieved at the end, raising handler")
    lp.set_exception_handler(raising)
    keep.append(asyncio.create_task(fails("lost 1"), name="lost-1"))
    keep.append(asyncio.create_task(fails("lost 2"), name="lost-2"))
    g = lp.create_future()
    g.set_exception(AppError("lost future"))
    keep.append(g)
    await settle()
    print("main done")


loop.run_until_complete(main())
loop.call_exception_handler({"message": "outside the loop"})
collecting[0] = True
del keep[:]
gc.collect()
loop.close()
collecting[0] = False
for line in sorted(late):
    print(line)
print("closed")
