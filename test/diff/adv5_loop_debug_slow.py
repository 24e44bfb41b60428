import asyncio
import logging
import re
import time

# Debug mode's slow-callback warnings ('Executing <...> took N seconds'): the entry is described
# as it is after it ran: a callback, one that cancelled itself (cancelled, callback kept), a
# timer (also self-cancelling), a failing callback (reported after the exception handler ran),
# a done callback, and a task's steps (the task after each step: waiting, relinquishing in
# sleep(0), finished); fast callbacks are not reported, nor anything once the threshold is high.
loop = asyncio.new_event_loop()
loop.set_debug(True)
loop.slow_callback_duration = 0.025


def s(t):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


class Warn(logging.Handler):
    def emit(self, rec):
        msg = rec.getMessage().split("\n")[0]
        print("  WARNING", s(re.sub(r"took [\d.]+ seconds", "took N seconds", msg)))


logging.getLogger("asyncio").addHandler(Warn())
logging.getLogger("asyncio").propagate = False


def busy():
    end = time.perf_counter() + 0.05
    while time.perf_counter() < end:
        pass


H = {}


def slow(tag, *rest):
    busy()
    print("  slow", tag)


def fast(tag):
    print("  fast", tag)


def slow_self_cancel(key):
    busy()
    H[key].cancel()
    print("  slow_self_cancel", key)


def slow_boom(tag):
    busy()
    raise ValueError(tag)


def handler(lp, ctx):
    print("  handler:", s(ctx["message"]))


loop.set_exception_handler(handler)
print("-- callbacks and timers")
loop.call_soon(slow, "soon", [1, "x"])
loop.call_soon(fast, "soon")
H["s"] = loop.call_soon(slow_self_cancel, "s")
loop.call_soon(slow_boom, "boom")
loop.call_at(-4.5, slow, "timer")
H["t"] = loop.call_at(-4.25, slow_self_cancel, "t")
loop.call_at(-4.0, fast, "timer")
loop.set_debug(False)
f = loop.create_future()
loop.set_debug(True)
f.add_done_callback(slow)
f.set_result("r")
loop.call_later(0.5, loop.stop)
loop.run_forever()

print("-- task steps")


async def inner(v):
    busy()
    print("  inner, no suspension")
    return v


async def stepper():
    lp = asyncio.get_running_loop()
    busy()
    print("  step 1")
    await asyncio.sleep(0)
    busy()
    print("  step 2")
    g = lp.create_future()
    lp.call_soon(g.set_result, 5)
    await g
    print("  step 3 (fast)")
    await asyncio.sleep(0)
    v = await inner(7)
    busy()
    print("  step 4 got", v)
    return "done"


t = loop.create_task(stepper(), name="stepper")
print(loop.run_until_complete(t))
loop.slow_callback_duration = 100
loop.call_soon(slow, "not reported")
t2 = loop.create_task(stepper(), name="quiet")
print(loop.run_until_complete(t2))
loop.close()
