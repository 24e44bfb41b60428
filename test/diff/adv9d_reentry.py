import asyncio
import re

# Life-cycle calls made from inside a running loop, from every kind of entry (a callback, a
# timer, a future's done callback, a task step, the exception handler called for a failing
# callback, a task's done callback): run_forever / run_until_complete of the running loop and of
# an idle one, close() of the running loop (refused) and of an idle one (allowed: its pending
# work never runs), asyncio.run() (refused, its coroutine never runs); the errors' types and
# messages, is_running() / is_closed() seen there, and the loop carrying on with the rest of the
# iteration and the next ones; then, once the run is over, close() succeeds, and a second close()
# is harmless.
loop = asyncio.new_event_loop()
idle = [asyncio.new_event_loop() for _ in range(6)]


def log(*args):
    print("  ", *args)


def attempt(tag, fn):
    try:
        fn()
        log(tag, "-> ok")
    except RuntimeError as e:
        log(tag, "-> RuntimeError", str(e))


async def never(tag):
    log("never runs:", tag)


def probe(where, k):
    other = idle[k]
    log(where, "| running", loop.is_running(), "closed", loop.is_closed())
    attempt("run_forever", loop.run_forever)
    c = never("run_until_complete " + where)
    attempt("run_until_complete", lambda: loop.run_until_complete(c))
    c.close()
    attempt("close", loop.close)
    c = never("asyncio.run " + where)
    attempt("asyncio.run", lambda: asyncio.run(c))
    c.close()
    attempt("idle.run_forever", other.run_forever)
    other.call_soon(log, "never: queued on the idle loop")
    attempt("idle.close", other.close)
    log("idle closed", other.is_closed(), "| loop running", loop.is_running(), "closed", loop.is_closed())


def handler(lp, ctx):
    probe("exception handler", 4)


def failing():
    log("failing callback raises")
    raise ValueError("x")


async def task_step():
    probe("task step", 3)
    await asyncio.sleep(0)
    log("task goes on")
    return "task result"


print("-- from each kind of entry")
loop.set_exception_handler(handler)
loop.call_soon(probe, "callback", 0)
loop.call_at(loop.time() - 1, probe, "timer", 1)
f = loop.create_future()
f.add_done_callback(lambda fut: probe("done callback", 2))
loop.call_soon(f.set_result, None)
t = loop.create_task(task_step(), name="t")
loop.call_soon(failing)
t.add_done_callback(lambda task: probe("task done callback", 5))
loop.call_soon(log, "the iteration goes on")
print("result:", loop.run_until_complete(t))
loop.call_soon(log, "the next run works")
loop.call_soon(loop.stop)
loop.run_forever()
print("-- after the runs")
loop.close()
loop.close()
print("closed", loop.is_closed(), [lp.is_closed() for lp in idle])
