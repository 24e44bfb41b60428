import asyncio
import logging
import re

# CPython test_asyncio scenarios (exception handlers):
# test_base_events.BaseEventLoopTests: test_default_exc_handler_callback, test_default_exc_handler_coro,
#   test_set_exc_handler_invalid, test_set_exc_handler_custom, test_set_exc_handler_broken,
#   test_default_exc_handler_broken;
# test_events.HandleTests: test_callback_with_exception.
# What the default handler is given is recorded by wrapping it (it then writes to stderr as usual);
# what the loop itself logs when the default handler fails is captured from its logger.


def s(x):
    x = re.sub(r" (created )?at \S+\.py:\d+", "", x if isinstance(x, str) else repr(x))
    return re.sub(r"when=[\d.e+-]+", "when=T", x)


KEY = {"source_traceback": "sourceTraceback"}


def keys(ctx):
    return sorted(KEY.get(k, k) for k in ctx)


class Log(logging.Handler):
    def emit(self, rec):
        print("   LOG:", s(rec.getMessage()).split("\n")[0])


logging.getLogger("asyncio").addHandler(Log())
logging.getLogger("asyncio").propagate = False


def zero_error(fut=None):
    if fut is not None:
        fut.set_result(True)
    raise ZeroDivisionError("division by zero")


def wrap_default(loop, label):
    orig = loop.default_exception_handler

    def default(ctx):
        print("   default handler%s:" % label, s(ctx["message"]), "|", type(ctx.get("exception")).__name__, "|", keys(ctx))
        orig(ctx)
    loop.default_exception_handler = default


def run_once(loop):
    loop.call_soon(loop.stop)
    loop.run_forever()


print("== test_default_exc_handler_callback")
loop = asyncio.new_event_loop()
wrap_default(loop, "")
fut = loop.create_future()
loop.call_soon(zero_error, fut)
fut.add_done_callback(lambda f: loop.stop())
loop.run_forever()
print("   fut:", fut)
fut = loop.create_future()
loop.call_later(0.1, zero_error, fut)
fut.add_done_callback(lambda f: loop.stop())
loop.run_forever()
print("   fut:", fut)

print("== test_default_exc_handler_coro")


async def zero_error_coro():
    await asyncio.sleep(0.1)
    zero_error()

fut = asyncio.ensure_future(zero_error_coro(), loop=loop)
fut.add_done_callback(lambda f: loop.stop())
loop.run_forever()
print("   task done:", fut.done())
fut = None
loop.close()
print("   loop closed")

print("== test_set_exc_handler_invalid")
loop = asyncio.new_event_loop()
for bad in ("spam", 42):
    try:
        loop.set_exception_handler(bad)
    except TypeError as e:
        print("   set_exception_handler(%r) raised TypeError" % (bad,))
print("   handler still:", loop.get_exception_handler())

print("== test_set_exc_handler_custom")
loop.set_debug(True)
wrap_default(loop, "")
print("   get_exception_handler():", loop.get_exception_handler())
seen = []


def custom(lp, ctx):
    seen.append(ctx)
    print("   custom handler: same loop", lp is loop, "|", s(ctx["message"]), "|", type(ctx["exception"]).__name__, "|", keys(ctx))
    print("   handle:", s(ctx["handle"]), "cancelled:", ctx["handle"].cancelled())

loop.set_exception_handler(custom)
print("   get_exception_handler() is custom:", loop.get_exception_handler() is custom)
loop.call_soon(zero_error)
run_once(loop)
loop.set_exception_handler(None)
print("   after reset:", loop.get_exception_handler())
loop.call_soon(zero_error)
run_once(loop)
print("   custom calls:", len(seen))

print("== test_set_exc_handler_broken")
loop.set_debug(False)


def broken(lp, ctx):
    print("   broken handler got:", s(ctx["message"]))
    raise AttributeError("spam")

loop.set_exception_handler(broken)
orig = type(loop).default_exception_handler


def default2(ctx):
    inner = ctx.get("context")
    print("   default handler:", ctx["message"], "|", repr(ctx["exception"]), "|", keys(ctx),
          "| inner:", s(inner["message"]), type(inner["exception"]).__name__, keys(inner))
    orig(loop, ctx)

loop.default_exception_handler = default2
loop.call_soon(zero_error)
run_once(loop)
loop.close()

print("== test_default_exc_handler_broken")
loop = asyncio.new_event_loop()
got = []


def default_broken(ctx):
    got.append(ctx)
    print("   default handler (raises):", s(ctx["message"]), "|", keys(ctx))
    raise ValueError("spam")

loop.default_exception_handler = default_broken
loop.call_soon(zero_error)
run_once(loop)


def custom_ham(lp, ctx):
    print("   custom handler (raises):", s(ctx["message"]))
    raise ValueError("ham")

got.clear()
loop.set_exception_handler(custom_ham)
loop.call_soon(zero_error)
run_once(loop)
ctx = got[-1]
print("   default was given:", ctx["message"], "|", repr(ctx["exception"]), "| context:", s(ctx["context"]["message"]),
      type(ctx["context"]["exception"]).__name__)
print("   loop still usable:", loop.run_until_complete(asyncio.sleep(0, "yes")))
loop.close()

print("== test_callback_with_exception")
loop = asyncio.new_event_loop()


def record(lp, ctx):
    print("   handler:", s(ctx["message"]), "|", repr(ctx["exception"]), "|", keys(ctx), "|", s(ctx["handle"]))

loop.set_exception_handler(record)


def raises():
    raise ValueError()

loop.call_soon(raises)
loop.call_later(-1, raises)
run_once(loop)
loop.close()
