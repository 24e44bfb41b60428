import asyncio
import logging
import re

# Debug mode's slow-callback check at odd thresholds: 0 and a negative value report every entry
# the loop runs ('took N seconds' with N >= threshold), so the warnings trace the exact order of
# plain callbacks, timers, done callbacks, task steps (with the task as it is after the step),
# the loop's own run_until_complete callback and stop callbacks; the threshold is read per entry,
# so a callback that raises it silences the rest of its iteration, and one that sets it back to 0
# brings the warnings back; switching debug mode off in a callback stops them at the next entry,
# and on again restarts them; inf reports nothing. Failing callbacks are reported by the handler
# before their warning. Source locations and durations are stripped.
loop = asyncio.new_event_loop()
loop.set_debug(True)


def s(t):
    t = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)
    t = re.sub(r"when=-?[\d.]+", "when=T", t)
    # a future's or task's repr as a callback argument ends in its creation location in debug
    # mode (cut by reprlib): drop it all
    t = re.sub(r"\(<(Future|Task) .*?\)>", r"(<\1 ...>)>", t)
    return re.sub(r"took -?[\d.]+ seconds", "took N seconds", t)


class Warn(logging.Handler):
    def emit(self, rec):
        print("  WARNING", s(rec.getMessage().split("\n")[0]))


logging.getLogger("asyncio").addHandler(Warn())
logging.getLogger("asyncio").propagate = False


def handler(lp, ctx):
    print("  handler:", s(ctx["message"]))


loop.set_exception_handler(handler)


def cb(tag, *rest):
    print("  cb", tag if isinstance(tag, str) else type(tag).__name__)


def boom(tag):
    raise ValueError(tag)


def set_threshold(v):
    loop.slow_callback_duration = v
    print("  threshold ->", v)


def set_debug(v):
    loop.set_debug(v)
    print("  debug ->", v)


def stopper():
    print("  stopper")
    loop.stop()


for threshold in (0, -1.5):
    print("-- threshold", threshold)
    loop.slow_callback_duration = threshold
    loop.call_soon(cb, "a", 1)
    loop.call_soon(boom, "failing")
    loop.call_at(loop.time() - 10, cb, "timer")
    f = loop.create_future()
    f.add_done_callback(cb)
    f.set_result("r")
    loop.call_soon(stopper)
    loop.run_forever()

print("-- a task at threshold 0")
loop.slow_callback_duration = 0


def complete(fut, v):
    fut.set_result(v)


async def stepper():
    print("  step 1")
    await asyncio.sleep(0)
    print("  step 2")
    g = loop.create_future()
    loop.call_soon(complete, g, 5)
    v = await g
    print("  step 3 got", v)
    return "done"


t = loop.create_task(stepper(), name="stepper")
print("result:", loop.run_until_complete(t))

print("-- threshold changed by callbacks of the same iteration")
loop.call_soon(cb, "b")
loop.call_soon(set_threshold, 100)
loop.call_soon(cb, "c (not reported)")
loop.call_soon(set_threshold, 0)
loop.call_soon(cb, "d")
loop.call_soon(stopper)
loop.run_forever()

print("-- debug switched by callbacks")
loop.call_soon(cb, "e")
loop.call_soon(set_debug, False)
loop.call_soon(cb, "f (not reported)")
loop.call_soon(set_debug, True)
loop.call_soon(cb, "g")
loop.call_soon(stopper)
loop.run_forever()

print("-- threshold inf")
loop.slow_callback_duration = float("inf")
print("slow_callback_duration:", loop.slow_callback_duration)
loop.call_soon(cb, "h")
loop.call_soon(boom, "still handled")
loop.call_soon(stopper)
loop.run_forever()
loop.close()
print("closed")
