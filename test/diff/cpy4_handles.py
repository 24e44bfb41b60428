import asyncio
import re

# CPython test_asyncio scenarios (Handle and TimerHandle):
# test_events.HandleTests: test_handle, test_handle_repr (plain functions; functools.partial has
#   no JavaScript twin: a bound function hides its arguments), test_handle_repr_debug,
#   test_handle_source_traceback (seen through the exception handler's context);
# test_events.TimerTests: test_when, test_timer, test_timer_repr, test_timer_repr_debug
#   (a float deadline: JavaScript cannot tell call_at(123) from call_at(123.0)).
# Source locations (" at file:line", " created at file:line") are stripped from Python's reprs.


def s(h):
    return re.sub(r" (created )?at \S+:\d+", "", repr(h))


def noop(*args):
    pass


loop = asyncio.new_event_loop()

print("== test_handle")
h = loop.call_soon(noop)
print("  ", type(h).__name__, h.cancelled())
print("   cancel() ->", h.cancel(), h.cancelled())

print("== test_handle_repr")
h = loop.call_soon(noop, 1, 2)
print("  ", s(h))
h.cancel()
print("   cancelled:", s(h))
h = loop.call_soon(noop, "a", None, True, 1.5, [1, "b"])
print("  ", s(h))
h.cancel()
h = loop.call_soon(noop)
print("  ", s(h))
h.cancel()

print("== test_handle_repr_debug")
loop.set_debug(True)
h = loop.call_soon(noop, 1, 2)
print("  ", s(h))
h.cancel()
print("   cancelled:", s(h))
h.cancel()
print("   cancelled twice:", s(h))
loop.set_debug(False)
print("   debug off again:", s(h))

print("== test_handle_source_traceback")
loop.set_debug(True)


def handler(lp, ctx):
    tb = ctx.get("source_traceback")
    print("  ", re.sub(r" at \S+:\d+", "", ctx["message"]), "| has source_traceback:", tb is not None and len(tb) > 0)

loop.set_exception_handler(handler)


def fails(tag):
    raise ValueError(tag)

loop.call_soon(fails, "call_soon")
loop.call_soon_threadsafe(fails, "call_soon_threadsafe")
loop.call_later(0, fails, "call_later")
loop.call_at(loop.time(), fails, "call_at")
loop.set_debug(False)
loop.call_soon(fails, "call_soon outside debug mode")
loop.call_at(loop.time() + 0.1, loop.stop)
loop.run_forever()

print("== test_when")
when = loop.time() + 100.25
h = loop.call_at(when, noop)
print("   when() == when:", h.when() == when)
h.cancel()
print("   after cancel:", h.when() == when)

print("== test_timer")
h = loop.call_at(50.5, noop, 1, 2, 3)
print("  ", type(h).__name__, isinstance(h, asyncio.Handle), h.cancelled(), h.when())
h.cancel()
print("   cancelled:", h.cancelled(), h.when())

print("== test_timer_repr")
h = loop.call_at(123.0, noop)
print("  ", s(h))
h.cancel()
print("   cancelled:", s(h))
h = loop.call_at(123.25, noop, "x", 2)
print("  ", s(h))
h.cancel()
print("   cancelled:", s(h))

print("== test_timer_repr_debug")
loop.set_debug(True)
h = loop.call_at(123.0, noop)
print("  ", s(h))
h.cancel()
print("   cancelled:", s(h))
h = loop.call_later(1000, noop, "y")
print("   call_later cancelled:", re.sub(r"when=[\d.]+", "when=T", s(h)) if h.cancel() is None else "")
loop.close()
