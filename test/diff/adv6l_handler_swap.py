import asyncio
import re

# The exception handler as a moving target: get_exception_handler() at each point; a handler
# that replaces itself (the next failure of the same iteration goes to the new one), resets to
# the default (overridden on the instance) from inside, raises (the default gets 'Unhandled error
# in exception handler' with the original context, and the handler stays set), calls
# call_exception_handler recursively, mutates the context it got (the next call gets a fresh
# one), schedules a callback, and stops the loop; rejected handlers leave the current one in
# place; the context keys and values for a callback with arguments, a timer, call_at, a future's
# and a task's done callbacks, and direct calls (with and without a message).
loop = asyncio.new_event_loop()
calls = []


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+:\d+", "", t)


def desc(ctx):
    parts = []
    for k in sorted(ctx):
        v = ctx[k]
        if k == "exception":
            v = "%s(%r)" % (type(v).__name__, str(v))
        elif k == "context":
            v = sorted(v)
        elif k == "handle":
            v = type(v).__name__ + (" cancelled" if v.cancelled() else "")
        elif k != "message":
            v = s(v)
        else:
            v = s(v)
        parts.append("%s=%s" % (k, v))
    return " ".join(parts)


def default(ctx):
    print("  DEFAULT", desc(ctx))


loop.default_exception_handler = default
NAMES = {}


def current():
    return NAMES.get(loop.get_exception_handler(), "?")


def h1(lp, ctx):
    print("  h1", lp is loop, desc(ctx))
    if "swap" in s(ctx["message"]):
        lp.set_exception_handler(h2)
        print("  h1 swapped to h2; now", current())


def h2(lp, ctx):
    print("  h2", desc(ctx))
    if "reset" in s(ctx["message"]):
        lp.set_exception_handler(None)
        print("  h2 reset; now", current())


def raising(lp, ctx):
    print("  raising", desc(ctx))
    raise LookupError("handler broke")


depth = [0]


def recursive(lp, ctx):
    depth[0] += 1
    print("  recursive depth", depth[0], desc(ctx))
    ctx["added"] = depth[0]
    if depth[0] < 3:
        lp.call_exception_handler({"message": "nested %d" % depth[0], "level": depth[0]})
    depth[0] -= 1


def scheduling(lp, ctx):
    print("  scheduling", desc(ctx))
    lp.call_soon(print, "  callback scheduled by the handler")
    if "stop" in s(ctx["message"]):
        lp.stop()
        print("  handler stopped the loop")


NAMES.update({None: "None", h1: "h1", h2: "h2", raising: "raising", recursive: "recursive", scheduling: "scheduling"})


def boom(*args):
    raise ValueError("boom %d" % len(args))


def fine(tag):
    print("  fine", tag)


def run_until_stopped(label):
    print("--", label, "| handler:", current())
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("   handler after the run:", current())


print("start:", current())
loop.call_exception_handler({"message": "direct, no handler"})
loop.set_exception_handler(h1)
print("set h1:", current())
for bad in ("h1", 42, [1]):
    try:
        loop.set_exception_handler(bad)
    except TypeError:
        print("rejected %r, still %s" % (bad, current()))

loop.call_soon(boom, 1, "two", [3])
loop.call_soon(lambda: loop.call_exception_handler({"message": "swap please", "n": 1}))
loop.call_soon(boom)
loop.call_soon(lambda: loop.call_exception_handler({"message": "reset please"}))
loop.call_soon(boom, None)
loop.call_soon(fine, "after the reset")
run_until_stopped("1 swap and reset from inside")

loop.set_exception_handler(raising)
loop.call_soon(boom, "x")
loop.call_at(loop.time() - 1, boom, "timer", 2)
loop.call_soon(fine, "between")
run_until_stopped("2 a raising handler")
loop.call_exception_handler({"message": "direct, raising handler"})

loop.set_exception_handler(recursive)
loop.call_exception_handler({"message": "outside"})
loop.call_soon(boom, 7)
run_until_stopped("3 recursive handler")

loop.set_exception_handler(scheduling)
f = loop.create_future()


def done_boom(fut):
    raise LookupError("done callback of %s" % s(fut))


f.add_done_callback(done_boom)
loop.call_soon(f.set_result, 5)


async def short():
    return "short"


t = loop.create_task(short(), name="short")
t.add_done_callback(done_boom)
loop.call_later(0.1, boom, "later")
loop.call_later(0.2, lambda: loop.call_exception_handler({"message": "please stop", "why": "test"}))
loop.call_later(1.0, fine, "never in this run")
print("-- 4 done callbacks and timers | handler:", current())
loop.run_forever()
print("   stopped by the handler; handler", current())
loop.set_exception_handler(None)
print("reset outside:", current())
loop.call_soon(boom, "to the default")
run_until_stopped("5 back to the default")
loop.set_exception_handler(None)
print("reset twice:", current())
loop.close()
loop.call_exception_handler({"message": "after close"})
loop.set_exception_handler(h1)
loop.call_exception_handler({"message": "after close, h1"})
print("end:", current())
