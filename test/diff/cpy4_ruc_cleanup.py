import asyncio
import re

# CPython test_asyncio scenarios (what run_until_complete leaves behind), adapted to
# ordinary exceptions and loop.stop() (JavaScript has no BaseException to escape the loop with):
# test_base_events.BaseEventLoopTests: test_run_until_complete_loop_orphan_future_close_loop,
#   test_run_forever_keyboard_interrupt, test__run_once (a cancelled earlier timer does not wake
#   the loop, the live later one does).


def s(x):
    return re.sub(r" (running )?at \S+\.py:\d+", "", repr(x))


loop = asyncio.new_event_loop()
calls = []


def handler(lp, ctx):
    calls.append(ctx["message"])
    print("   handler:", ctx["message"])

loop.set_exception_handler(handler)

print("== test_run_until_complete_loop_orphan_future_close_loop")


async def foo(delay):
    await asyncio.sleep(delay)
    return delay

loop.call_soon(loop.stop)
t1 = loop.create_task(foo(0.1))
try:
    loop.run_until_complete(t1)
except RuntimeError as e:
    print("   first ruc raised", str(e))
print("   orphan:", s(t1))
print("   second ruc ->", loop.run_until_complete(foo(0.2)))
print("   orphan after:", t1.done(), t1.result() if t1.done() else None)
t2 = loop.create_task(foo(10))
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(t2)
except RuntimeError as e:
    print("   ruc of t2 raised", str(e))
print("   t2:", s(t2))
t2.cancel()
try:
    loop.run_until_complete(t2)
except asyncio.CancelledError:
    print("   t2 cancelled:", t2.cancelled())

print("== test_run_forever_keyboard_interrupt")


async def raises():
    raise ValueError("stop")

try:
    loop.run_until_complete(raises())
except ValueError as e:
    print("   ruc raised", repr(e))

print("== test__run_once")
order = []
t0 = loop.time()
h1 = loop.call_at(t0 + 0.1, order.append, "h1")
h2 = loop.call_at(t0 + 0.2, order.append, "h2")
loop.call_at(t0 + 0.2, loop.stop)
h1.cancel()
loop.run_forever()
print("   ran:", order, "woke after h2's deadline:", loop.time() >= t0 + 0.2)
loop.close()
print("   handler calls after close:", calls)
