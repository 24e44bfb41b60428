import asyncio
import re

# Failing call_soon / call_later / call_at callbacks with many argument shapes: the handler's
# context keys, the "Exception in callback ..." text (reprlib-shortened arguments: strings with
# escapes, quotes, long strings, deep and long lists, floats, exceptions, futures), the handle's
# repr and state, and exceptions with empty and multi-line messages. Source locations and
# deadlines are stripped.
loop = asyncio.new_event_loop()


def stable(s):
    s = re.sub(r" at \S+\.py:\d+", "", s)
    return re.sub(r"when=[-\d.e+]+", "when=T", s)


def handler(lp, ctx):
    exc = ctx.get("exception")
    h = ctx.get("handle")
    print("H |", stable(ctx["message"]))
    print("  ", sorted(ctx), "|", type(exc).__name__, str(exc).split("\n"), "|", type(h).__name__,
          stable(repr(h)), h.cancelled())


loop.set_exception_handler(handler)


class AppError(Exception):
    pass


def boom(*args):
    raise AppError("boom %d" % len(args))


def boom_empty(*args):
    raise AppError()


def boom_lines(*args):
    raise ValueError("first line\nsecond line\n")


fut_pending = loop.create_future()
fut_result = loop.create_future()
fut_result.set_result([1, 2])
fut_exc = loop.create_future()
fut_exc.set_exception(ValueError("x"))
fut_exc.exception()
fut_cancelled = loop.create_future()
fut_cancelled.cancel()

print("-- strings")
loop.call_soon(boom, "")
loop.call_soon(boom, "a\nb", "tab\there", "back\\slash")
loop.call_soon(boom, "it's", 'say "hi"', "both ' and \"")
loop.call_soon(boom, "\x00\x1f\x7f", "\u00e9\u00fc")
loop.call_soon(boom, "x" * 30, "y" * 31)
loop.call_soon(boom, "ab\n" * 20)
loop.call_soon(boom, "'" * 40)
loop.call_soon(loop.stop)
loop.run_forever()

print("-- numbers and lists")
loop.call_soon(boom, 0, -7, 2.5, -0.0, 1e16, 1e-07, 123456789012345)
loop.call_soon(boom, float("inf"), float("-inf"), float("nan"))
loop.call_soon(boom, [], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7])
loop.call_soon(boom, [1, [2, [3, [4, [5, [6, [7, [8]]]]]]]])
loop.call_soon(boom, [[]], [[[[[[[]]]]]]], [[[[[[[[]]]]]]]])
loop.call_soon(boom, ["a" * 40, "b"], [0.5, [1e100]])
loop.call_soon(boom, 1, 2, 3, 4, 5, 6, 7, 8, 9)
loop.call_soon(loop.stop)
loop.run_forever()

print("-- exceptions and futures as arguments")
loop.call_soon(boom, ValueError("bad"), ValueError(), AppError("a much longer message than thirty"))
loop.call_soon(boom, fut_pending, fut_result)
loop.call_soon(boom, fut_exc, fut_cancelled)
loop.call_soon(boom, [fut_pending])
loop.call_soon(loop.stop)
loop.run_forever()

print("-- exception messages")
loop.call_soon(boom_empty)
loop.call_soon(boom_lines, "z")
loop.call_soon(boom_empty, "q" * 50)
loop.call_soon(loop.stop)
loop.run_forever()

print("-- timers")
t0 = loop.time()
loop.call_at(t0 - 1, boom, "at", [1])
loop.call_later(0, boom_lines, 1.5)
loop.call_later(0.001, boom_empty, "a\tb")
loop.call_later(0.001, boom)
loop.call_later(0.02, loop.stop)
loop.run_forever()
loop.close()
print("done")
