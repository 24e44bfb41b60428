import asyncio

# Handles cancelled by their own callbacks (call_soon and timers), which then return or raise:
# cancelled(), repr, when() afterwards, and what the exception handler is told about a callback
# whose handle was cancelled while it ran.
loop = asyncio.new_event_loop()
H = {}


class Named:
    def __init__(self, name, fn):
        self.__qualname__ = name
        self.fn = fn

    def __call__(self, *a):
        return self.fn(*a)


def handler(lp, ctx):
    print("  handler:", ctx["message"], "|", type(ctx["exception"]).__name__, str(ctx["exception"]))


loop.set_exception_handler(handler)


def self_cancel(key, *args):
    h = H[key]
    print("  ", key, "running; cancelled", h.cancelled())
    h.cancel()
    print("  ", key, "after self-cancel", h.cancelled(), repr(h))
    if args and args[-1] == "raise":
        raise ValueError("raised by " + key)


sc = Named("sc", self_cancel)
H["s1"] = loop.call_soon(sc, "s1", 1)
H["s2"] = loop.call_soon(sc, "s2", "raise")
H["t1"] = loop.call_at(-4.5, sc, "t1", 1)
H["t2"] = loop.call_at(-4.25, sc, "t2", "raise")
loop.call_soon(loop.stop)
loop.run_forever()
for k in ("s1", "s2", "t1", "t2"):
    h = H[k]
    print(k, h.cancelled(), repr(h), h.when() if isinstance(h, asyncio.TimerHandle) else "")
loop.close()
