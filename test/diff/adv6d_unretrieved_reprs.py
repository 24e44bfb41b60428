import asyncio
import gc
import logging
import re

# How the default exception handler logs never-retrieved exceptions (debug mode off): the
# message ('Future exception was never retrieved' / 'Task exception was never retrieved'), the
# 'future: <repr>' line with the exception's repr (an exception class given to set_exception is
# instantiated; an empty message; quotes and a newline in the message; a long message, not cut;
# an exception subclass), the task's name (odd ones: empty, with a quote, a number turned into
# its str), the coroutine's name, and whether the traceback is attached. Retrieval by
# exception(), result() and await silences the report; a custom handler (on a second loop) sees
# the keys exception, future and message.
# Reports come when the objects are collected in Python and when the loop closes at the latest
# in aionode: the log lines are collected and sorted.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
logged = []


def s(t):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


class Cap(logging.Handler):
    def emit(self, rec):
        lines = s(rec.getMessage()).split("\n")
        logged.append(" | ".join(lines) + " | exc: " + str(bool(rec.exc_info)))


logging.getLogger("asyncio").addHandler(Cap())
logging.getLogger("asyncio").propagate = False


class AppError(Exception):
    pass


class SubError(AppError):
    pass


async def raiser(exc):
    await asyncio.sleep(0)
    raise exc


keep = []


def future_with(exc):
    f = loop.create_future()
    f.set_exception(exc)
    keep.append(f)
    return f


def task_with(exc, **kw):
    t = loop.create_task(raiser(exc), **kw)
    keep.append(t)
    return t


future_with(ValueError)
future_with(AppError())
future_with(AppError("it's \"quoted\"\nand two lines"))
future_with(SubError("x" * 60))
task_with(ValueError("plain"))
task_with(AppError("named"), name="")
task_with(AppError("named"), name="it's")
task_with(SubError("numbered"), name=42)
r1 = future_with(AppError("retrieved by exception()"))
r2 = task_with(AppError("retrieved by result()"), name="r2")
r3 = task_with(AppError("retrieved by await"), name="r3")


async def main():
    await asyncio.sleep(0.01)
    print("r1.exception():", repr(r1.exception()))
    try:
        r2.result()
    except AppError as e:
        print("r2.result() raised", repr(e))
    try:
        await r3
    except AppError as e:
        print("await r3 raised", repr(e))
    print("states:", [("done" if x.done() else "pending") for x in keep])


loop.run_until_complete(main())
keep = r1 = r2 = r3 = None
gc.collect()
loop.close()
print("-- a second loop, with a custom handler")
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
keep = []
loop.set_exception_handler(lambda lp, ctx: logged.append("custom: " + s(ctx["message"]) + " keys=" + str(sorted(ctx)) + " " + s(repr(ctx["future"]))))
future_with(AppError("custom future"))
task_with(AppError("custom task"), name="ct")
loop.run_until_complete(asyncio.sleep(0.01))
keep = None
gc.collect()
loop.close()
print("closed; logged:")
for line in sorted(logged):
    print(" ", line)
