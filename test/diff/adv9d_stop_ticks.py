import asyncio
import re

# stop() from every kind of entry, with a ticker callback that reschedules itself once per
# iteration, so the trace shows exactly which iteration each thing runs in and where each run of
# run_forever() / run_until_complete() ends: stop() from the middle of a batch of callbacks (the
# rest of the batch runs, what they queue waits for the next run, ahead of anything queued
# between runs); from a due timer among other due timers (scheduled in the past, so due at once)
# and a timer a callback scheduled in the past (due in the next iteration, behind the tick);
# from a task step that goes on to sleep(0); from a done callback; from the exception handler of
# a failing callback; stop() before run_forever (one iteration) and stop() twice; a callback
# that stops the loop and tries to run it again (refused, the iteration goes on); stop() during
# run_until_complete before its task is done ('Event loop stopped before Future completed.',
# the task finishing in a later run) and in the iteration that completes it (asyncio's
# _run_until_complete_cb, queued for the next iteration, is left in the queue and stops the next
# run after its first iteration).
loop = asyncio.new_event_loop()
state = {"n": 0, "on": False, "stop_at": None}


def log(*args):
    print("  ", *args)


def tick():
    state["n"] += 1
    log("tick", state["n"])
    if state["stop_at"] == state["n"]:
        log("tick stops the loop")
        loop.stop()
    if state["on"]:
        loop.call_soon(tick)


def start_ticks():
    if not state["on"]:
        state["on"] = True
        loop.call_soon(tick)


def run(label):
    print("run_forever:", label)
    loop.run_forever()
    print("   returned; ticks so far", state["n"])


def ruc(label, aw):
    print("run_until_complete:", label)
    try:
        print("   ->", repr(loop.run_until_complete(aw)))
    except (RuntimeError, asyncio.CancelledError) as e:
        print("   raised", type(e).__name__, str(e))
    print("   ticks so far", state["n"])


def cb(tag, stop=False):
    log("cb", tag, "stops" if stop else "")
    if stop:
        loop.stop()
    loop.call_soon(log, "queued by", tag)


print("-- 1 stop() in the middle of a batch")
start_ticks()
loop.call_soon(cb, "a")
loop.call_soon(cb, "b", True)
loop.call_soon(cb, "c")
run("batch")
loop.call_soon(log, "queued between runs")
loop.call_soon(cb, "d", True)
run("again")

print("-- 2 stop() from a due timer")
now = loop.time()
loop.call_at(now - 0.3, log, "timer -0.3")
loop.call_at(now - 0.2, cb, "timer -0.2", True)
loop.call_at(now - 0.1, log, "timer -0.1")
loop.call_soon(cb, "e")
run("timers")


def later_timer():
    log("callback schedules a timer in the past")
    loop.call_at(loop.time() - 1, cb, "past timer", True)


loop.call_soon(later_timer)
run("timer scheduled in the past from a callback")


async def stepper():
    for i in range(3):
        log("task step", i, "tick", state["n"])
        if i == 1:
            loop.stop()
            log("task stopped the loop")
        await asyncio.sleep(0)
    log("task ends")
    return "stepper done"


print("-- 3 stop() from a task step")
t = loop.create_task(stepper(), name="stepper")
run("task")
print("task done", t.done())
loop.call_soon(loop.stop)
run("the task goes on")
print("task done", t.done())
ruc("the task", t)

print("-- 4 stop() from a done callback and from the exception handler")
f = loop.create_future()
f.add_done_callback(lambda fut: (log("done callback stops"), loop.stop()))
loop.call_soon(f.set_result, 1)
loop.call_soon(log, "beside set_result")
run("done callback")


def handler(lp, ctx):
    log("handler:", re.sub(r" at \S+:\d+", "", ctx["message"]), repr(ctx["exception"]), "stops")
    lp.stop()


def boom():
    log("boom raises")
    raise ValueError("boom")


loop.set_exception_handler(handler)
loop.call_soon(boom)
loop.call_soon(cb, "after boom")
run("handler")
loop.set_exception_handler(None)

print("-- 5 stop() before the run, and twice")
loop.stop()
run("stopped before")
loop.stop()
loop.stop()
loop.call_soon(cb, "f")
run("stopped twice before")
loop.call_soon(loop.stop)
loop.call_soon(loop.stop)
run("two stop callbacks")
state["stop_at"] = state["n"] + 3
run("no stop left over: the ticker stops it at its third tick")
state["on"] = False
loop.call_soon(loop.stop)
run("ticker off")


def stop_and_rerun():
    loop.stop()
    try:
        loop.run_forever()
    except RuntimeError as e:
        log("rerun refused:", str(e))
    log("still running", loop.is_running())


print("-- 6 a callback stops and tries to run again")
start_ticks()
loop.call_soon(stop_and_rerun)
loop.call_soon(cb, "g")
run("rerun")


async def slow_main():
    log("main step 1")
    await asyncio.sleep(0)
    log("main step 2")
    await asyncio.sleep(0)
    log("main step 3")
    return "main done"


print("-- 7 stop() during run_until_complete")
m = loop.create_task(slow_main(), name="main")
loop.call_soon(loop.stop)
ruc("stopped early", m)
ruc("resumed", m)


async def quick():
    log("quick runs")
    loop.call_soon(log, "queued by quick")
    loop.stop()
    log("quick stopped the loop and returns")
    return "quick done"


ruc("stop in the completing iteration", quick())
state["stop_at"] = state["n"] + 4
run("no stop queued, but the run_until_complete callback queued in its last iteration is left")
print("-- 8 a future completed in the stopping iteration")
f8 = loop.create_future()


def finish_and_stop():
    log("callback sets f8 and stops")
    f8.set_result("f8")
    loop.stop()


loop.call_soon(finish_and_stop)
ruc("f8", f8)
state["stop_at"] = state["n"] + 4
run("the left-over callback stops it again")
state["stop_at"] = state["n"] + 2
run("nothing left over now")
state["on"] = False
loop.call_soon(loop.stop)
run("drain")
loop.close()
