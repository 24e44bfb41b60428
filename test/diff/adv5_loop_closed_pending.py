import asyncio
import re

# Closing a loop with work pending: callbacks queued by the last iteration, due and far timers,
# futures with done callbacks, tasks not started / waiting on a future / sleeping. Nothing of it
# runs later (also not while another loop runs); handles keep their state and reprs (not
# cancelled) and can still be cancelled; tasks keep their reprs; what schedules onto the closed
# loop raises 'Event loop is closed', also from another loop's callback (reported there by the
# exception handler), and the other loop goes on.
loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


def log(*args):
    print("  ", *args)


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", r if isinstance(r, (bool, str, int)) or r is None else s(r))
    except (RuntimeError, asyncio.InvalidStateError) as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


gate = loop.create_future()


async def waiter():
    log("waiter starts")
    await gate
    log("never: waiter resumes")


async def sleeper():
    log("sleeper starts")
    await asyncio.sleep(1000)
    log("never: sleeper resumes")


async def never_started():
    log("never: never_started runs")


H = {}


def last_iteration():
    log("last iteration queues more and stops")
    H["queued"] = loop.call_soon(log, "never: queued by the last iteration", [1])
    H["due"] = loop.call_at(-7.5, log, "never: due timer")
    loop.stop()


tw = loop.create_task(waiter(), name="waiting")
ts = loop.create_task(sleeper(), name="sleeping")
H["far"] = loop.call_at(1e9 + 0.5, log, "never: far timer")
loop.call_soon(lambda: loop.call_soon(last_iteration))
loop.run_forever()
tn = loop.create_task(never_started(), name="not-started")
fcb = loop.create_future()
fcb.add_done_callback(lambda f: log("never: done callback"))
loop.close()
print("closed:", loop.is_closed(), "running:", loop.is_running())
for k in ("queued", "due", "far"):
    print(k, s(H[k]), H[k].cancelled())
for t in (tw, ts, tn):
    print(s(t), t.done(), t.cancelling())

print("-- another loop runs; nothing of the closed loop fires")
other.call_later(0.05, other.stop)
other.run_forever()
print("other ran")

print("-- handles after close")
H["queued"].cancel()
H["due"].cancel()
print("queued", s(H["queued"]), H["queued"].cancelled())
print("due", s(H["due"]), H["due"].cancelled(), H["due"].when())
print("far", s(H["far"]), H["far"].when())
H["far"].cancel()
print("far", s(H["far"]), H["far"].cancelled())

print("-- tasks and futures after close")
attempt("not-started.cancel()", lambda: tn.cancel("late"))
print("  ", s(tn), tn.cancelling())
attempt("waiting.cancel()", lambda: tw.cancel())
print("  ", s(tw), tw.cancelling(), "gate:", s(gate))
attempt("sleeping.cancel()", lambda: ts.cancel())
print("  ", s(ts), ts.cancelling())
attempt("pending future, add_done_callback", lambda: fcb.add_done_callback(lambda f: None))
attempt("set_result with callbacks", lambda: fcb.set_result("v"))
print("  ", s(fcb))
attempt("call_soon", lambda: loop.call_soon(log, "x"))
attempt("call_later", lambda: loop.call_later(1, log, "x"))
attempt("create_task", lambda: loop.create_task(asyncio.sleep(0)))
attempt("stop", lambda: loop.stop())
attempt("close again", lambda: loop.close())
attempt("run_forever", lambda: loop.run_forever())
attempt("is_running", lambda: loop.is_running())

print("-- from another loop's callback")
fa = loop.create_future()
fa.add_done_callback(lambda f: log("never"))
fb = loop.create_future()


def set_fa(v):
    log("set_fa", v)
    fa.set_result(v)


def set_fb(v):
    log("set_fb (no callbacks)", v)
    fb.set_result(v)


def handler(lp, ctx):
    exc = ctx.get("exception")
    log("other's handler |", s(ctx["message"]), "|", type(exc).__name__, repr(str(exc)), "| same loop:", lp is other)


other.set_exception_handler(handler)
other.call_soon(set_fa, 1)
other.call_soon(set_fb, 2)
other.call_soon(log, "other goes on")
other.call_soon(other.stop)
other.run_forever()
print("fa", s(fa), "fb", s(fb))
other.close()
print("done")
