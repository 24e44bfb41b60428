import asyncio
import re

loop = asyncio.new_event_loop()
print("default handler", loop.get_exception_handler())

def stable(msg):
    # asyncio appends the callback's source location (" at file.py:12"): drop it
    return re.sub(r" at \S+:\d+$", "", msg)

def handler(lp, ctx):
    exc = ctx.get("exception")
    print("handler: loop ok", lp is loop, "|", stable(ctx["message"]), "|", type(exc).__name__, str(exc), "|", sorted(ctx))
    if "handle" in ctx:
        h = ctx["handle"]
        # aionode gives the scheduled TimerHandle itself, and for callSoon a Handle describing the
        # callback (the ready queue keeps no per-callback object): compare what both promise.
        timer = isinstance(h, asyncio.TimerHandle)
        print("  handle", type(h).__name__, "is the scheduled one" if (not timer or any(h is x for x in handles)) else "is another")

loop.set_exception_handler(handler)
print("custom handler installed", loop.get_exception_handler() is handler)

class AppError(Exception):
    pass

def boom():
    raise AppError("boom!")

def boom_args(a, b):
    raise ValueError("bad args " + str(a) + " " + str(b))

def fine(name):
    print("fine", name)

handles = []
handles.append(loop.call_soon(fine, 1))
handles.append(loop.call_soon(boom))
handles.append(loop.call_soon(fine, 2))  # the rest of the iteration still runs
handles.append(loop.call_later(0.05, boom))
handles.append(loop.call_soon(boom_args, 1, "x"))

# an exception in a future's done callback
fut = loop.create_future()

def done_cb(f):
    raise RuntimeError("done callback failed, result " + str(f.result()))

def done_handler(lp, ctx):
    print("done_handler:", ctx["message"].startswith("Exception in callback "), type(ctx["exception"]).__name__, str(ctx["exception"]))

fut.add_done_callback(done_cb)

def stage2():
    loop.set_exception_handler(done_handler)
    fut.set_result(7)
    # Each stage schedules the next: on a loaded machine two stages never share an iteration.
    loop.call_later(0.05, stage3)

loop.call_later(0.1, stage2)

# a handler that raises: asyncio logs that (stderr) and the loop goes on
def bad_handler(lp, ctx):
    print("bad_handler called with", stable(ctx["message"]))
    raise ZeroDivisionError("handler failed")

def stage3():
    loop.set_exception_handler(bad_handler)
    loop.call_soon(boom)
    loop.call_soon(fine, "after failing handler")
    loop.call_later(0.05, stage4)

# back to the default handler (it logs to stderr, not stdout)
def stage4():
    loop.set_exception_handler(None)
    print("handler reset", loop.get_exception_handler())
    loop.call_soon(boom)
    loop.call_soon(fine, "after default handler")
    loop.call_later(0.05, loop.stop)

loop.run_forever()

try:
    loop.set_exception_handler(42)
except TypeError as e:
    print("set_exception_handler(42):", type(e).__name__)
loop.close()
