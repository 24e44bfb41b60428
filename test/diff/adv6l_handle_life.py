import asyncio
import re

# Handles and timer handles through their lives, each seen from outside and from inside its own
# callback: repr, cancelled() and when() (deadlines fixed: past ones like -7.5, far ones like
# 1e9 + 0.5) before the run, while running, after; cancel() returns None, twice is harmless; a
# callback that cancels its own handle (and one that then raises: 'Exception in callback None()',
# the context's handle cancelled); a timer cancelling itself, a later timer of the same batch and
# a call_soon handle of the same iteration; cancel() after the run; handles of a closed loop.
loop = asyncio.new_event_loop()
H = {}


def s(x):
    return re.sub(r" at \S+\.py:\d+", "", repr(x))


def handler(lp, ctx):
    h = ctx.get("handle")
    print("   handler:", re.sub(r" at \S+:\d+$", "", ctx["message"]), "| exception:", type(ctx["exception"]).__name__,
          "| handle:", type(h).__name__, "cancelled" if h.cancelled() else "live", s(h))


loop.set_exception_handler(handler)


def look(tag, *args):
    h = H[tag]
    print("  ", tag, "inside:", s(h), h.cancelled())


def self_cancel(tag, *args):
    h = H[tag]
    print("  ", tag, "inside, cancel() ->", h.cancel(), h.cancelled(), s(h))


def self_cancel_raise(tag):
    H[tag].cancel()
    raise ValueError(tag)


def raise_live(tag, *args):
    raise LookupError(tag)


def cancel_others(tag, *victims):
    for v in victims:
        print("  ", tag, "cancels", v, "->", H[v].cancel(), s(H[v]))


def show(tags):
    for t in tags:
        h = H[t]
        w = (" when=%r" % h.when()) if isinstance(h, asyncio.TimerHandle) else ""
        print("  ", t, s(h), h.cancelled(), w)


H["soon0"] = loop.call_soon(look, "soon0")
H["soon3"] = loop.call_soon(look, "soon3", 1.5, None, [True])
H["selfc"] = loop.call_soon(self_cancel, "selfc", "arg")
H["selfr"] = loop.call_soon(self_cancel_raise, "selfr")
H["live"] = loop.call_soon(raise_live, "live", 1)
H["t1"] = loop.call_at(-7.5, look, "t1")
H["t2"] = loop.call_at(-6.5, self_cancel, "t2", "x")
H["t3"] = loop.call_at(-5.5, cancel_others, "t3", "t4", "late_soon")
H["t4"] = loop.call_at(-4.5, look, "t4")
H["t5"] = loop.call_at(-3.5, self_cancel_raise, "t5")
H["t6"] = loop.call_at(-2.5, raise_live, "t6", "y")
H["far"] = loop.call_at(1e9 + 0.5, look, "far")
H["far2"] = loop.call_at(1e9 + 0.25, look, "far2", 2)
ALL = ["soon0", "soon3", "selfc", "selfr", "live", "t1", "t2", "t3", "t4", "t5", "t6", "far", "far2"]
print("-- before the run")
show(ALL)
H["pre"] = loop.call_soon(look, "pre")
print("   cancel() ->", H["pre"].cancel(), "again ->", H["pre"].cancel(), s(H["pre"]), H["pre"].cancelled())


def queue_late():
    H["late_soon"] = loop.call_soon(look, "late_soon")
    print("   queued late_soon:", s(H["late_soon"]))


loop.call_soon(queue_late)
loop.call_later(0.2, loop.stop)
print("-- run")
loop.run_forever()
print("-- after the run")
show(ALL + ["pre", "late_soon"])
print("-- cancel() after the run")
for t in ("soon3", "t1", "t6", "far"):
    print("  ", t, "->", H[t].cancel(), s(H[t]), H[t].cancelled())
show(["far", "far2"])
loop.close()
print("-- after close")
show(["far2"])
H["far2"].cancel()
show(["far2"])
