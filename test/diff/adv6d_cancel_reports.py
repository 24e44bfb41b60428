import asyncio
import gc
import re

# Cancellation as an error source: a callback, a timer and a done callback that raise
# CancelledError are reported like any failing callback ('Exception in callback ...' with the
# CancelledError, its message kept), and the loop goes on; a task whose coroutine raises
# CancelledError by itself (never cancelled) ends cancelled, with the message, and is never
# reported; a cancelled task or future with no one looking is not reported; a task that turns its
# cancellation into another exception is reported as never retrieved; a done callback that
# cancels another pending task; the handler sees the context keys. Reports at the end are sorted.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
reports = []
late = [False]


def handler(lp, ctx):
    exc = ctx.get("exception")
    line = (re.sub(r" at \S+\.py:\d+", "", ctx["message"]), sorted(ctx), type(exc).__name__, str(exc))
    if late[0]:
        reports.append(line)
    else:
        print("  handler:", line)


loop.set_exception_handler(handler)


def raise_cancel(msg=None):
    if isinstance(msg, asyncio.Future):
        msg = "done cb"
    print("  raising CancelledError", repr(msg))
    if msg is None:
        raise asyncio.CancelledError()
    raise asyncio.CancelledError(msg)


def mark(tag):
    print("  mark", tag)


async def self_cancel():
    await asyncio.sleep(0)
    raise asyncio.CancelledError("by itself")


async def converter():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        raise RuntimeError("converted: %s" % e.args)


async def sleeper():
    await asyncio.sleep(10)


keep = []


def cancel_other(other):
    def on_done(fut):
        print("  s1 done; cancelling s2:", other.cancel("from s1's callback"))
    return on_done



async def main():
    lp = asyncio.get_running_loop()
    lp.call_soon(raise_cancel)
    lp.call_soon(mark, 1)
    lp.call_at(lp.time() - 50, raise_cancel, "timer msg")
    f = lp.create_future()
    f.add_done_callback(raise_cancel)
    f.set_result(None)
    lp.call_soon(mark, 2)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t = lp.create_task(self_cancel(), name="self")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await self-cancelling task:", type(e).__name__, e.args)
    print("self: cancelled", t.cancelled(), "cancelling", t.cancelling())
    for i in range(2):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("self result():", e.args)
    try:
        await t
    except asyncio.CancelledError as e:
        print("await it again:", e.args)
    c = lp.create_task(converter(), name="conv")
    s1 = lp.create_task(sleeper(), name="s1")
    s2 = lp.create_task(sleeper(), name="s2")
    await asyncio.sleep(0)
    s1.add_done_callback(cancel_other(s2))
    c.cancel("go")
    s1.cancel()
    cf = lp.create_future()
    cf.cancel("unwatched")
    keep.extend([c, s1, s2, cf])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for x in (c, s1, s2, cf):
        print("  done", x.done(), "cancelled", x.cancelled())
    for x in (s1, s2, cf):
        try:
            x.result()
        except asyncio.CancelledError as e:
            print("  result() raised CancelledError", e.args)
    return "main done"


print(loop.run_until_complete(main()))
late[0] = True
keep.clear()
gc.collect()
loop.close()
print("closed; reports:")
for r in sorted(reports):
    print(" ", r)
