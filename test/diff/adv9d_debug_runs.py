import asyncio
import logging
import re

# Debug mode switched on and off between runs (and inside a few callbacks): what counts is the
# mode when a callback is scheduled (its source_traceback, kept after debug mode is switched off,
# also off and on again, so a callback or timer scheduled in debug mode still reports where it was
# made when it fails in a later run without debug mode, or after it switched the mode itself; one
# scheduled outside debug mode has none, also when it fails in debug mode; a future's done
# callbacks are scheduled when it completes), the mode when a handle is cancelled (its repr keeps
# the callback only if debug mode was on then, also while sources of earlier callbacks are still
# pending), the mode when a callback runs (the slow-callback warnings, threshold 0, for callbacks
# and task steps), and the mode at call_soon (a coroutine function refused only in debug mode).
# Source locations and durations are stripped.
loop = asyncio.new_event_loop()
loop.slow_callback_duration = 0


def s(t):
    t = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)
    # a future as a callback argument: its repr is cut by reprlib where its creation location sits
    t = re.sub(r"\(<Future .*?\)>?$", "(<Future ...>)", t)
    return re.sub(r"took -?[\d.]+ seconds", "took N seconds", t)


class Warn(logging.Handler):
    def emit(self, rec):
        print("   WARNING", s(rec.getMessage().split("\n")[0]))


logging.getLogger("asyncio").addHandler(Warn())
logging.getLogger("asyncio").propagate = False


def handler(lp, ctx):
    keys = sorted(k for k in ctx if k != "message")
    print("   handler:", s(ctx["message"]), keys)


loop.set_exception_handler(handler)


def log(*args):
    print("  ", *args)


def boom(tag):
    log("boom", tag)
    raise ValueError(tag)


def done_cb(f):
    boom("done callback of " + f.result())


def stopper():
    loop.stop()


def run(label):
    print("run:", label, "| debug", loop.get_debug())
    loop.call_soon(stopper)
    loop.run_forever()


def quiet_run(label):
    # the stop callback made outside debug mode, so no warning for it
    d = loop.get_debug()
    loop.set_debug(False)
    run(label)
    loop.set_debug(d)


print("-- 1 made in debug mode, run without")
loop.set_debug(True)
loop.call_soon(boom, "soon, made in debug")
loop.call_at(loop.time() - 1, boom, "timer, made in debug")
f1 = loop.create_future()
f1.add_done_callback(done_cb)
f1.set_result("f1, completed in debug")
f2 = loop.create_future()
f2.add_done_callback(done_cb)
loop.set_debug(False)
f2.set_result("f2, completed without debug")
loop.call_soon(boom, "soon, made without debug")
run("debug off")

print("-- 2 made without debug mode, run with it")
loop.call_soon(boom, "soon, made without debug")
loop.call_at(loop.time() - 1, boom, "timer, made without debug")
loop.set_debug(True)
loop.call_soon(boom, "soon, made in debug")
quiet_run("debug on")

print("-- 3 cancelled handles")
loop.set_debug(True)
pending = loop.call_soon(log, "pending, made in debug")
c_on = loop.call_soon(log, "cancelled in debug")
c_on.cancel()
t_on = loop.call_at(1e9, log, "timer cancelled in debug")
t_on.cancel()
c_off = loop.call_soon(log, "made in debug, cancelled without")
t_off = loop.call_at(1e9, log, "timer made in debug, cancelled without")
loop.set_debug(False)
c_off.cancel()
t_off.cancel()
c_plain = loop.call_soon(log, "made and cancelled without debug")
c_plain.cancel()
loop.set_debug(True)
for h in (pending, c_on, t_on, c_off, t_off, c_plain):
    print(s(repr(h)))
quiet_run("the pending one runs")
for h in (pending, c_on, c_off):
    print(s(repr(h)))

print("-- 4 slow-callback warnings follow the mode at run time")
loop.set_debug(True)
loop.call_soon(log, "made in debug, runs without")
loop.set_debug(False)
run("off")
loop.call_soon(log, "made without debug, runs in debug")
loop.set_debug(True)
run("on")


async def stepper():
    log("step 1, debug", loop.get_debug())
    await asyncio.sleep(0)
    log("step 2, debug", loop.get_debug())
    await asyncio.sleep(0)
    log("step 3, debug", loop.get_debug())
    return "stepped"


loop.set_debug(False)
t = loop.create_task(stepper(), name="stepper")
loop.set_debug(True)
run("a task made without debug mode: its first step")
loop.set_debug(False)
run("its second step")
loop.set_debug(True)
print("result", loop.run_until_complete(t))


print("-- 5 off and on again before they run, and off inside a failing callback")
loop.set_debug(True)
loop.call_soon(boom, "soon, made in debug, off and on again")
loop.call_at(loop.time() - 1, boom, "timer, made in debug, off and on again")
loop.set_debug(False)
loop.call_soon(boom, "soon, made in the pause")
loop.set_debug(True)
quiet_run("on again")


def switch_off_and_fail():
    loop.set_debug(False)
    boom("switched debug mode off, then raised")


loop.call_soon(switch_off_and_fail)
loop.call_soon(boom, "made in debug, runs after the switch")
run("switched off inside")


def toggle_and_fail():
    loop.set_debug(False)
    loop.set_debug(True)
    boom("toggled off and on, then raised")


def on_and_fail():
    loop.set_debug(True)
    boom("made in debug, ran without, switched on, then raised")


# asyncio queues callbacks of its own when the mode changes inside a run: no warnings here
loop.slow_callback_duration = 100
loop.set_debug(True)
loop.call_soon(toggle_and_fail)
run("toggled inside")
loop.call_soon(on_and_fail)
loop.set_debug(False)
run("switched on inside")
loop.set_debug(False)
loop.slow_callback_duration = 0


async def coro_fn():
    log("never: a coroutine function as a callback")


print("-- 6 call_soon of a coroutine function")
for mode in (True, False):
    loop.set_debug(mode)
    try:
        h = loop.call_soon(coro_fn)
        print("debug", mode, "accepted")
        h.cancel()
    except TypeError as e:
        print("debug", mode, "raised TypeError", str(e))
loop.set_debug(False)
loop.close()
