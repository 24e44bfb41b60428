import asyncio
import re

# The context of a throwing callback (keys, message text, handle kind), a custom handler that
# throws (the default handler gets 'Unhandled error in exception handler' with the original
# context), a default handler that throws, and call_exception_handler called directly.
loop = asyncio.new_event_loop()


def stable(msg):
    return re.sub(r" at \S+:\d+$", "", msg)


def printer(lp, ctx):
    exc = ctx.get("exception")
    h = ctx.get("handle")
    print("handler |", stable(ctx["message"]), "|", sorted(ctx), "|", type(exc).__name__, repr(str(exc)),
          "|", type(h).__name__, h.cancelled() if h is not None else None)


def default_override(ctx):
    inner = ctx.get("context")
    print("default |", stable(ctx["message"]), "|", sorted(ctx), "|", type(ctx.get("exception")).__name__,
          "| inner:", stable(inner["message"]) if inner else None, sorted(inner) if inner else None)


loop.default_exception_handler = default_override


class AppError(Exception):
    pass


def boom():
    raise AppError("plain")


def boom_args(a, b, c):
    raise ValueError("args %s %s %s" % (a, b, c))


def boom_quote(s):
    raise TypeError(s)


def fine(tag):
    print("fine", tag)


# 1. no custom handler: the default one (overridden on the instance) gets the context
loop.call_soon(boom)
loop.call_soon(fine, 1)
loop.call_soon(loop.stop)
loop.run_forever()

# 2. custom handler: callbacks with arguments, a timer, call_at
loop.set_exception_handler(printer)
loop.call_soon(boom_args, 1, -2, "x")
loop.call_soon(boom_quote, "it's")
loop.call_soon(fine, 2)
t0 = loop.time()
loop.call_at(t0 - 0.01, boom_args, 3, 4, "later")
loop.call_later(0.02, boom)
loop.call_later(0.05, loop.stop)
loop.run_forever()

# 3. a custom handler that throws: the default handler reports it, with the original context
def bad(lp, ctx):
    print("bad handler |", stable(ctx["message"]))
    raise ZeroDivisionError("handler broke")


loop.set_exception_handler(bad)
loop.call_soon(boom_args, 5, 6, "y")
loop.call_soon(fine, 3)
loop.call_soon(lambda: loop.call_exception_handler({"message": "direct", "extra": 42}))
loop.call_soon(loop.stop)
loop.run_forever()
loop.call_exception_handler({"message": "direct, outside the loop"})

# 4. the default handler throws too: logged, and the loop goes on
def bad_default(ctx):
    print("bad default |", stable(ctx["message"]))
    raise RuntimeError("default broke")


loop.default_exception_handler = bad_default
loop.call_soon(boom)
loop.call_soon(fine, 4)
loop.call_soon(loop.stop)
loop.run_forever()
loop.set_exception_handler(None)
loop.call_soon(boom)
loop.call_soon(fine, 5)
loop.call_soon(loop.stop)
loop.run_forever()
loop.call_exception_handler({"message": "direct to a broken default"})
print("still fine")

# 5. a handler that calls call_exception_handler itself (its own context goes through it again)
depth = [0]


def reentrant(lp, ctx):
    depth[0] += 1
    print("reentrant depth", depth[0], "|", stable(ctx["message"]))
    if depth[0] == 1:
        lp.call_exception_handler({"message": "nested from the handler"})
    depth[0] -= 1


loop.set_exception_handler(reentrant)
loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
