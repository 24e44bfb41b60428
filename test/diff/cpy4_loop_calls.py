import asyncio

# CPython test_asyncio scenarios (scheduling callbacks and running the loop):
# test_base_events.BaseEventLoopTests: test_call_soon, test_call_later, test_call_later_negative_delays,
#   test_time_and_call_at, test__run_once_schedule_handle, test_run_once, test_run_forever_pre_stopped,
#   test_run_until_complete_baseexception (with an ordinary exception: JavaScript has no BaseException);
# test_events.EventLoopTestsMixin: test_call_soon, test_call_later, test_call_soon_threadsafe_same_thread,
#   test_run_until_complete, test_timeout_rounding (what it can show without the private counter).
loop = asyncio.new_event_loop()


def noop():
    pass


print("== test_call_soon (base_events)")
h = loop.call_soon(noop)
print("  ", type(h).__name__, isinstance(h, asyncio.Handle), isinstance(h, asyncio.TimerHandle), h.cancelled())
h.cancel()

print("== test_call_later (base_events)")
h = loop.call_later(10.0, noop)
print("  ", type(h).__name__, isinstance(h, asyncio.Handle), isinstance(h, asyncio.TimerHandle), h.cancelled())
print("   when - time in (9.9, 10.0]:", 9.9 < h.when() - loop.time() <= 10.0)
h.cancel()
try:
    loop.call_later(None, noop)
except TypeError as e:
    print("   call_later(None) raised TypeError")

print("== test_call_later_negative_delays")
calls = []
loop.call_later(-1, calls.append, "a")
loop.call_later(-2, calls.append, "b")
loop.call_soon(loop.stop)
loop.run_forever()
print("   calls:", calls)

print("== test_time_and_call_at")
t = loop.time()
print("   time is a float:", type(t).__name__, "monotonic:", loop.time() >= t)
when = loop.time() + 0.15
h = loop.call_at(when, loop.stop)
print("   when() is the deadline given:", h.when() == when)
t0 = loop.time()
loop.run_forever()
dt = loop.time() - t0
# As CPython's test, 50 ms below the delay: t0 is read after call_at and a print, which a loaded machine can delay.
print("   dt >= 0.1:", dt >= 0.1, "dt < 0.6:", dt < 0.6, "time >= when:", loop.time() >= when)
try:
    loop.call_at(None, noop)
except TypeError as e:
    print("   call_at(None) raised TypeError")

print("== test_call_soon (events)")
results = []


def cb2(a, b):
    results.append((a, b))
    loop.stop()

loop.call_soon(cb2, "hello", "world")
loop.run_forever()
print("   results:", results)

print("== test_call_later (events)")
results = []


def cb1(a):
    results.append(a)
    loop.stop()

t0 = loop.time()
loop.call_later(0.1, cb1, "hello world")
loop.run_forever()
print("   results:", results, "waited >= 0.1:", loop.time() - t0 >= 0.1)

print("== test_call_soon_threadsafe_same_thread")
results = []


def cbn(a):
    results.append(a)
    if len(results) >= 2:
        loop.stop()

h = loop.call_soon_threadsafe(cbn, "hello")
print("  ", type(h).__name__)
loop.call_soon(cbn, "world")
loop.run_forever()
print("   results:", results)

print("== test__run_once_schedule_handle")
order = []


def due(tag):
    order.append(tag)
    order.append("due schedules late")
    loop.call_soon(lambda: order.append("late"))

loop.call_at(loop.time() - 1, due, "due timer")
loop.call_soon(loop.stop)
loop.run_forever()
print("   first run:", order)
order.clear()
loop.call_soon(loop.stop)
loop.run_forever()
print("   second run:", order)

print("== test_run_once")
count = 0


def counter():
    global count
    count += 1

loop.call_soon(counter)
loop.call_soon(loop.stop)
loop.run_forever()
print("   count:", count)

print("== test_run_forever_pre_stopped")
order = []
loop.call_soon(order.append, "queued before")
loop.call_later(0.2, order.append, "not due")
loop.stop()
print("   running after stop():", loop.is_running())
t0 = loop.time()
loop.run_forever()
print("   ran:", order, "returned at once:", loop.time() - t0 < 0.15)
loop.stop()
loop.run_forever()
print("   again:", order)

print("== test_run_until_complete (events)")
t0 = loop.time()
r = loop.run_until_complete(asyncio.sleep(0.1, "slept"))
print("  ", r, "dt >= 0.1:", loop.time() - t0 >= 0.1)

print("== test_timeout_rounding")


async def tiny():
    for d in (1e-2, 1e-4, 1e-6, 1e-8, 1e-10):
        await asyncio.sleep(d)
    return "all woke"

print("  ", loop.run_until_complete(tiny()))

print("== test_run_until_complete_baseexception")


async def raises():
    raise ValueError("in coro")

try:
    loop.run_until_complete(raises())
except ValueError as e:
    print("   ruc raised", repr(e))
called = []


def func():
    loop.stop()
    called.append(True)

loop.call_soon(func)
loop.run_forever()
print("   func called:", called, "(no stray stop left behind)")
order = []
loop.call_soon(order.append, 1)
loop.call_soon(order.append, 2)
loop.call_soon(loop.stop)
loop.run_forever()
print("   next run:", order)
loop.close()
