import asyncio
import gc
import logging
import re

# A custom exception handler that raises, for each kind of error source: a failing call_soon
# callback with arguments, a timer, a future's done callback, a task's done callback, a direct
# call_exception_handler() from a task (the error does not reach the task), a task whose step
# raised while the handler is set (never retrieved, reported at collection / loop close), and a
# never-retrieved future. The default handler then logs 'Unhandled error in exception handler'
# with the original context as a dict (keys in insertion order, values as reprs) and the
# handler's exception; the loop keeps running the rest of the iteration in order. Log lines
# from the end of the run are sorted; timer deadlines are masked.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


def s(t):
    t = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)
    t = re.sub(r"when=-?[\d.]+", "when=T", t)
    # a task's repr as an argument, cut by reprlib (in Python it holds the source location)
    return re.sub(r"\(<Task .*?result=5>\)", "(<Task ...>)", t)


late = []
closing = [False]


class Cap(logging.Handler):
    def emit(self, rec):
        lines = s(rec.getMessage()).split("\n")
        text = " | ".join(lines) + " | exc: " + (type(rec.exc_info[1]).__name__ + "(" + repr(str(rec.exc_info[1])) + ")" if rec.exc_info else "None")
        if closing[0]:
            late.append(text)
        else:
            print("  LOG", text)


logging.getLogger("asyncio").addHandler(Cap())
logging.getLogger("asyncio").propagate = False


class AppError(Exception):
    pass


class HandlerError(Exception):
    pass


calls = []


def handler(lp, ctx):
    calls.append(s(ctx["message"]))
    if closing[0]:
        late.append("handler got: " + s(ctx["message"]))
    else:
        print("  handler got:", s(ctx["message"]))
    raise HandlerError("handler failed on " + ctx["message"][:20])


loop.set_exception_handler(handler)


def boom(*args):
    raise AppError("boom %d" % len(args))


def mark(tag):
    print("  mark", tag)


async def direct_caller():
    asyncio.get_running_loop().call_exception_handler({"message": "direct", "extra": [1, "x"]})
    print("  direct caller continues")
    await asyncio.sleep(0)
    return "direct caller done"


async def fails():
    await asyncio.sleep(0)
    raise AppError("task step")


async def quick():
    return 5


async def main():
    lp = asyncio.get_running_loop()
    lp.call_soon(boom, "a", 2.5)
    lp.call_soon(mark, 1)
    lp.call_at(lp.time() - 100, boom)
    f = lp.create_future()
    f.add_done_callback(boom)
    f.set_result("r")
    t = lp.create_task(quick(), name="quick")
    t.add_done_callback(boom)
    lp.call_soon(mark, 2)
    print("  direct:", await lp.create_task(direct_caller()))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "main done"


print(loop.run_until_complete(main()))
print("handler still set:", loop.get_exception_handler() is handler)
uf = loop.create_future()
uf.set_exception(AppError("never retrieved future"))
ut = loop.create_task(fails(), name="failing")
loop.run_until_complete(asyncio.sleep(0.01))
closing[0] = True
uf = ut = None
gc.collect()
loop.close()
closing[0] = False
print("closed; late logs:")
for line in sorted(late):
    print(" ", line)
print("handler calls:", len(calls))
