import asyncio
import gc
import logging
import re

# What the default exception handler logs: the message (or 'Unhandled exception in event loop'),
# then one 'key: repr(value)' line per other key, sorted (strings quoted, lists, floats, dicts,
# futures, tasks, handles), and the exception's traceback (only its presence is compared). Called
# directly, through call_exception_handler with no handler set, for failing callbacks, timers and
# done callbacks, for never-retrieved futures and tasks, when a custom handler raises (the
# original context is logged as a dict), and when the default handler itself raises. Source
# locations are stripped.
loop = asyncio.new_event_loop()


def s(t):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


class Cap(logging.Handler):
    def emit(self, rec):
        lines = s(rec.getMessage()).split("\n")
        print("LOG", rec.levelname, "| exc:", bool(rec.exc_info))
        for line in lines:
            print("   ", line)


logging.getLogger("asyncio").addHandler(Cap())
logging.getLogger("asyncio").propagate = False


class AppError(Exception):
    pass


def cb(*args):
    pass


print("-- direct calls")
fp = loop.create_future()
fr = loop.create_future()
fr.set_result([1, "two"])
fe = loop.create_future()
fe.set_exception(AppError("in a future"))
fe.exception()
fc = loop.create_future()
fc.cancel("why")
loop.default_exception_handler({
    "message": "many values",
    "text": "it's",
    "long": "z" * 45,
    "num": 1.5,
    "int": -7,
    "tiny": 1e-07,
    "big": 1e16,
    "negzero": -0.0,
    "lst": [1, "a", [2.5, []]],
    "dct": {"a": 1, "b": "x"},
    "err": ValueError("as a value"),
    "Zeta": "upper case sorts first",
    "fut_pending": fp,
    "fut_result": fr,
    "fut_exc": fe,
    "fut_cancelled": fc,
    "timer": loop.call_at(1e9 + 0.5, cb, "t", [1]),
})
loop.default_exception_handler({})
loop.default_exception_handler({"message": ""})
loop.default_exception_handler({"message": "", "extra": "kept"})
loop.default_exception_handler({"message": "with an exception", "exception": AppError("e1")})
loop.default_exception_handler({"message": "line one\nline two", "exception": AppError()})
print("-- call_exception_handler with no handler set")
loop.call_exception_handler({"message": "via call_exception_handler", "b": 2, "a": "1"})


def from_inside():
    loop.call_exception_handler({"message": "from a callback", "where": ["inside"]})


loop.call_soon(from_inside)
loop.call_soon(loop.stop)
loop.run_forever()

print("-- failing callbacks, timers, done callbacks")


def boom(*args):
    raise AppError("boom %d" % len(args))


loop.call_soon(boom, "k", 1.25)
loop.call_at(-5.5, boom, ["timer"])
df = loop.create_future()
df.add_done_callback(boom)
df.set_result("done")
loop.call_later(0.02, loop.stop)
loop.run_forever()

# (reported below: asyncio when they are collected, aionode when the loop closes at the latest)
async def fails():
    raise AppError("task failed")


uf = loop.create_future()
uf.set_exception(AppError("future failed"))
ut = loop.create_task(fails(), name="unretrieved")
loop.run_until_complete(asyncio.sleep(0))

print("-- a custom handler that raises")


def raising(lp, ctx):
    print("custom handler got", s(ctx["message"]))
    raise ZeroDivisionError("handler broke")


loop.set_exception_handler(raising)
print("get_exception_handler is raising:", loop.get_exception_handler() is raising)
loop.call_soon(boom, "k")
loop.call_soon(loop.stop)
loop.run_forever()
loop.call_exception_handler({"message": "direct", "n": [1, 2]})

print("-- the default handler raises too")


def bad_default(ctx):
    print("bad default got", s(ctx["message"]))
    raise RuntimeError("default broke")


loop.default_exception_handler = bad_default
loop.call_exception_handler({"message": "custom raises, then default raises"})
loop.set_exception_handler(None)
print("get_exception_handler after reset:", loop.get_exception_handler())
loop.call_exception_handler({"message": "no custom handler, default raises"})
loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()
del loop.default_exception_handler
loop.call_exception_handler({"message": "default handler restored"})
print("-- never-retrieved future and task, reported at the latest when the loop closes")
uf = None
gc.collect()
ut = None
gc.collect()
loop.close()
print("closed")
