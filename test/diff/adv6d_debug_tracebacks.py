import asyncio
import gc
import logging
import re

# The default exception handler's output in debug mode: a context with 'source_traceback' (a
# failing callback, timer, done callback, a never-retrieved future or task) logs it as
# 'source_traceback: Object created at (most recent call last):' and the frames; a context
# without one, passed while a handle created in debug mode runs (a direct call_exception_handler
# from a callback, a timer, a task step, a done callback), gets 'handle_traceback: Handle created
# at (most recent call last):' added (the handler mutates the context: a custom handler that
# delegates to the default sees the key afterwards); from outside the loop, from a handle created
# before debug mode was on, or once debug mode is off, nothing is added; a context given its own
# source_traceback keeps it. Only the first line of each traceback is compared (the frames are
# the language's), and the keys each log line names. (aionode's keys are camelCase:
# sourceTraceback, handleTraceback, mapped back in the twin.)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.set_debug(True)
loop.slow_callback_duration = 100


def s(t):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


class Cap(logging.Handler):
    def emit(self, rec):
        lines = rec.getMessage().split("\n")
        out = [re.sub(r"\(<Future .*\)$", "(<Future ...>)", s(lines[0]))]
        for line in lines[1:]:
            m = re.match(r"^(\w+): (.*)$", line)
            if m:
                out.append(m.group(1) + ": " + (m.group(2) if "traceback" in m.group(1) else "..."))
        print("  LOG", " | ".join(out), "| exc:", bool(rec.exc_info))


logging.getLogger("asyncio").addHandler(Cap())
logging.getLogger("asyncio").propagate = False


class AppError(Exception):
    pass


def direct(tag):
    loop.call_exception_handler({"message": "direct from " + tag})


def boom(*args):
    raise AppError("boom")


def stopper():
    loop.stop()


print("-- failing entries: source_traceback")
loop.call_soon(boom, 1)
loop.call_later(0, boom)
f = loop.create_future()
f.add_done_callback(boom)
f.set_result(1)
loop.call_soon(stopper)
loop.run_forever()

print("-- direct calls: handle_traceback while a debug-mode handle runs")
direct("outside the loop")
loop.call_soon(direct, "a callback")
loop.call_later(0, direct, "a timer")
g = loop.create_future()
g.add_done_callback(lambda fut: direct("a done callback"))
g.set_result(2)


async def task_body():
    direct("a task's first step")
    await asyncio.sleep(0)
    direct("a task's second step")
    h = loop.create_future()
    loop.call_soon(h.set_result, None)
    await h
    direct("a task step after a wakeup")


loop.run_until_complete(task_body())
loop.call_soon(loop.call_exception_handler, {"message": "own source", "source_traceback": ["mine"]})
loop.call_soon(loop.call_exception_handler, {"message": "own handle_traceback", "handle_traceback": ["mine"]})
loop.call_soon(stopper)
loop.run_forever()

print("-- a handle created before debug mode was on")
loop.set_debug(False)
loop.call_soon(direct, "an early callback")
loop.set_debug(True)
loop.call_soon(stopper)
loop.run_forever()

print("-- debug mode off")
loop.set_debug(False)
loop.call_soon(direct, "a callback, debug off")
loop.call_soon(boom, "debug off")
loop.call_soon(stopper)
loop.run_forever()
loop.set_debug(True)

print("-- a custom handler delegating to the default one")
seen = []


def delegating(lp, ctx):
    before = sorted(ctx)
    lp.default_exception_handler(ctx)
    print("  custom: keys before", before, "after", sorted(ctx))


loop.set_exception_handler(delegating)
loop.call_soon(direct, "a callback, custom handler")
loop.call_soon(boom, "custom")
loop.call_soon(stopper)
loop.run_forever()
direct("outside, custom handler")

print("-- never retrieved")
loop.set_exception_handler(None)
nf = loop.create_future()
nf.set_exception(AppError("never"))


async def fails():
    raise AppError("task never")


nt = loop.create_task(fails(), name="nt")
loop.run_until_complete(asyncio.sleep(0))
nf = nt = None
gc.collect()
loop.close()
print("closed")
