import asyncio

# What the exception handler sees for failing done callbacks (the future as the argument, in
# the message, shortened as reprlib shortens it), failing call_soon / call_at callbacks with
# long arguments; a handler that stops the loop, schedules more work, cancels the failing
# timer's handle; the timer's state afterwards.
loop = asyncio.new_event_loop()


class Named:
    # a callable without a source location (asyncio appends " at file:line" to functions)
    def __init__(self, name, fn):
        self.__qualname__ = name
        self.fn = fn

    def __call__(self, *a):
        return self.fn(*a)


def boom_fn(*a):
    raise ValueError("boom %d" % len(a))


boom = Named("boom", boom_fn)
seen = []


def handler(lp, ctx):
    print("handler:", ctx["message"], "|", sorted(ctx), "|", type(ctx["exception"]).__name__, str(ctx["exception"]))
    seen.append(ctx)


loop.set_exception_handler(handler)

print("-- 1 failing done callbacks")
f1 = loop.create_future()
f1.add_done_callback(boom)
f1.set_result(7)
f2 = loop.create_future()
f2.add_done_callback(boom)
f2.set_result("long result string")
f3 = loop.create_future()
f3.add_done_callback(boom)
f3.set_exception(ValueError("x"))
f4 = loop.create_future()
f4.add_done_callback(boom)
f4.cancel("why")
f5 = loop.create_future()
f5.add_done_callback(boom)
f5.set_result(1.5)
loop.call_soon(loop.stop)
loop.run_forever()
f3.exception()

print("-- 2 failing call_soon callbacks with arguments")
loop.call_soon(boom, "a" * 40, 1.5)
loop.call_soon(boom, "short", -3)
loop.call_soon(boom)
loop.call_soon(loop.stop)
loop.run_forever()

print("-- 3 a failing timer; the handler cancels its handle and stops the loop")
def handler2(lp, ctx):
    h = ctx["handle"]
    print("handler2:", ctx["message"], "| is the timer", h is T["t"], "| cancelled", h.cancelled())
    h.cancel()
    print("  after cancel", repr(h), h.when())
    loop.stop()
    loop.call_soon(print, "  scheduled by handler2")


T = {}
loop.set_exception_handler(handler2)
T["t"] = loop.call_at(-1.25, boom, "t", 2)
loop.call_at(-1.0, print, "  timer after the failing one (same iteration)")
loop.call_soon(print, "  soon before the timers")
loop.run_forever()
print("stopped; timer cancelled", T["t"].cancelled())
loop.set_exception_handler(handler)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
