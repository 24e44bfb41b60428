import asyncio
import logging
import re

# CPython test_asyncio scenarios (debug mode's checks):
# test_base_events.BaseEventLoopTests: test_call_soon_non_callable, test_call_coroutine
#   (its run_in_executor part left out), test_log_slow_callbacks, test_set_debug (mode per run).
# aionode names the methods in camelCase in its messages (callSoon(), callAt()): the Python side
# prints them so. Locations and durations are stripped.
NAMES = {"call_soon()": "callSoon()", "call_soon_threadsafe()": "callSoonThreadsafe()", "call_at()": "callAt()"}


def js(msg):
    for k, v in NAMES.items():
        msg = msg.replace(k, v)
    return msg


def s(t):
    t = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)
    return re.sub(r"took -?[\d.]+ seconds", "took N seconds", t)


class Warn(logging.Handler):
    def emit(self, rec):
        print("   WARNING", s(rec.getMessage().split("\n")[0]))


logging.getLogger("asyncio").addHandler(Warn())
logging.getLogger("asyncio").propagate = False

loop = asyncio.new_event_loop()


def noop():
    pass


async def simple_coroutine():
    pass


def attempt(label, fn):
    try:
        h = fn()
        print("  ", label, "->", type(h).__name__)
        h.cancel()
    except TypeError as e:
        print("  ", label, "raised TypeError", js(str(e)))


def calls(f):
    attempt("call_soon", lambda: loop.call_soon(f))
    attempt("call_soon_threadsafe", lambda: loop.call_soon_threadsafe(f))
    attempt("call_later", lambda: loop.call_later(60, f))
    attempt("call_at", lambda: loop.call_at(loop.time() + 60, f))


print("== test_call_soon_non_callable")
# (aionode's message is its own, 'callSoon(): a function was expected as the callback, got ...':
# print whether it names a scheduling method)
loop.set_debug(True)
for bad in (1, None, "x"):
    for name, fn in [("call_soon()", lambda: loop.call_soon(bad)), ("call_soon_threadsafe()", lambda: loop.call_soon_threadsafe(bad)),
                     ("call_later()", lambda: loop.call_later(1, bad)), ("call_at()", lambda: loop.call_at(1, bad))]:
        try:
            fn()
        except TypeError as e:
            print("  ", name, "of", repr(bad), "raised TypeError naming a method:", "call_" in str(e))

print("== test_call_coroutine")
coro = simple_coroutine()
print("-- a coroutine function")
calls(simple_coroutine)
print("-- a coroutine object")
calls(coro)
coro.close()
print("-- outside debug mode a coroutine function is accepted")
loop.set_debug(False)
calls(simple_coroutine)

print("== test_log_slow_callbacks")
loop.close()
loop = asyncio.new_event_loop()
print("   default slow_callback_duration:", loop.slow_callback_duration)
loop.set_debug(True)
loop.slow_callback_duration = 0.0
print("   slow_callback_duration == 0:", loop.slow_callback_duration == 0)


def stop_loop_cb(tag):
    loop.stop()

loop.call_soon(stop_loop_cb, "x")
loop.run_forever()


async def stop_loop_coro():
    loop.stop()

t = asyncio.ensure_future(stop_loop_coro(), loop=loop)
loop.run_forever()
print("   task:", t.done())
print("-- a callback under the threshold is not reported")
loop.slow_callback_duration = 0.1
loop.call_soon(stop_loop_cb, "fast")
loop.run_forever()
print("-- nor outside debug mode")
loop.slow_callback_duration = 0.0
loop.set_debug(False)
loop.call_soon(stop_loop_cb, "no debug")
loop.run_forever()
loop.close()
