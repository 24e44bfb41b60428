import asyncio
import logging
import re
import time

# Handle and TimerHandle reprs in debug mode. asyncio's cancel() keeps the repr of a cancelled
# handle (callback and arguments included) when debug mode is on at that moment, and not when it
# is off; before and after the callback ran; for a timer cancelled by itself, by an earlier timer
# of its batch, or after it ran; the context handle of a failing callback (one that cancelled
# itself too), and the handle in the slow-callback warning. Deadlines are fixed values (far
# ahead, or in the past), so reprs are stable; source locations are stripped.
loop = asyncio.new_event_loop()
loop.set_debug(True)
loop.slow_callback_duration = 100


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


class Warn(logging.Handler):
    def emit(self, rec):
        msg = rec.getMessage().split("\n")[0]
        print("  WARNING", s(re.sub(r"took [\d.]+ seconds", "took N seconds", msg)))


logging.getLogger("asyncio").addHandler(Warn())
logging.getLogger("asyncio").propagate = False


def cb(*args):
    print("  cb", *args)


def other():
    print("  other")


print("-- call_soon handles: pending, cancelled in debug mode")
h0 = loop.call_soon(other)
h1 = loop.call_soon(cb, 1)
h2 = loop.call_soon(cb, "it's", [1, [2.5, "x"]], -0.0, 1e-07)
h3 = loop.call_soon(cb, "y" * 40)
for h in (h0, h1, h2, h3):
    print(s(h), h.cancelled())
for h in (h0, h2):
    h.cancel()
    print("cancelled:", s(h), h.cancelled())
h2.cancel()
print("twice:", s(h2))

print("-- debug switched off before cancel(): no callback in the repr; switched back on: still none")
h4 = loop.call_soon(cb, 4)
loop.set_debug(False)
h4.cancel()
print(s(h4))
loop.set_debug(True)
print(s(h4))
print("-- cancelled in debug mode, then debug off: the kept repr stays")
h5 = loop.call_soon(cb, 5)
h5.cancel()
loop.set_debug(False)
print(s(h5))
h6 = loop.call_soon(cb, 6)
h6.cancel()
print("cancelled with debug off:", s(h6))
loop.set_debug(True)

print("-- timers")
T = {}
T["far"] = loop.call_at(1e9 + 0.5, cb, "far")
T["far2"] = loop.call_at(2e9 + 0.25, other)
print(s(T["far"]), s(T["far2"]))
T["far"].cancel()
T["far2"].cancel()
print(s(T["far"]), s(T["far2"]), T["far"].when())


def t_self(tag):
    print("  t_self runs", tag)
    T["self"].cancel()
    print("  inside, after cancelling itself:", s(T["self"]))


def t_killer():
    print("  t_killer cancels t_victim (due in the same batch)")
    T["victim"].cancel()
    print("  ", s(T["victim"]))


T["self"] = loop.call_at(-5.5, t_self, "s")
T["killer"] = loop.call_at(-5.25, t_killer)
T["victim"] = loop.call_at(-5.0, cb, "never")
T["plain"] = loop.call_at(-4.75, cb, "plain", [1, 2])
for k in ("self", "killer", "victim", "plain"):
    print(k, s(T[k]))
loop.call_soon(cb, "soon ran")
loop.call_later(0.02, loop.stop)
loop.run_forever()
print("after the run")
for k in ("self", "killer", "victim", "plain"):
    print(k, s(T[k]), T[k].cancelled())
T["plain"].cancel()
print("plain cancelled after it ran:", s(T["plain"]))
print("soon handles after the run:", s(h1), s(h3))
h1.cancel()
print("h1 cancelled after it ran:", s(h1))


print("-- failing callbacks: the context's handle")


def handler(lp, ctx):
    h = ctx.get("handle")
    print("  H |", s(ctx["message"]), "|", type(ctx["exception"]).__name__, "|", s(h), h.cancelled())


loop.set_exception_handler(handler)
S = {}


def boom(*args):
    raise ValueError("boom")


def boom_self(tag):
    S[tag].cancel()
    raise KeyError(tag)


loop.call_soon(boom, 1, "two")
S["soon"] = loop.call_soon(boom_self, "soon")
S["timer"] = loop.call_at(-3.5, boom_self, "timer")
loop.call_at(-3.25, boom, [3])
loop.set_debug(False)  # (a future made in debug mode shows where it was made in its repr)
f = loop.create_future()
loop.set_debug(True)
f.add_done_callback(boom)
f.set_result("r")
loop.call_later(0.02, loop.stop)
loop.run_forever()
print("self-cancelled:", s(S["soon"]), s(S["timer"]))

print("-- slow callbacks are reported with their handle")
loop.slow_callback_duration = 0.025


def slow(tag):
    end = time.perf_counter() + 0.05
    while time.perf_counter() < end:
        pass
    print("  slow", tag, "done")


loop.call_soon(slow, "soon")
loop.call_at(-2.5, slow, ["timer"])
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.slow_callback_duration = 100
loop.close()
print("closed")
