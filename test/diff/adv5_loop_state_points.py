import asyncio
import re

# is_running() / is_closed() / get_running_loop() / get_event_loop() / current_task() at every
# point of a loop's life: before it runs, in callbacks, timers, done callbacks, task steps, the
# exception handler (called for a failing callback, and directly from outside the loop), after
# stop() inside the same callback, between runs, while a second loop runs, after close(). And a
# task's repr at each point of its life as seen from callbacks: not started, waiting on a future,
# the future done but the task not yet woken, relinquishing in sleep(0), cancelling, done.
loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()
NAMES = {id(loop): "loop", id(other): "other"}


def s(x):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", repr(x))


def name(lp):
    return NAMES.get(id(lp), "?")


def state(where):
    try:
        rl = name(asyncio.get_running_loop())
    except RuntimeError as e:
        rl = "%s(%r)" % (type(e).__name__, str(e))
    t = asyncio.current_task(asyncio.get_running_loop()) if rl in ("loop", "other") else None
    print("%-34s loop: running=%s closed=%s | other: running=%s | running loop: %s | task: %s" % (
        where, loop.is_running(), loop.is_closed(), other.is_running(), rl,
        t.get_name() if t is not None else None))


state("start")


def handler(lp, ctx):
    state("handler: " + ctx["message"][:20])


loop.set_exception_handler(handler)
loop.call_exception_handler({"message": "direct, not running"})


def cb(tag):
    state("callback " + tag)
    print("  get_event_loop() is the running loop:", asyncio.get_event_loop() is loop)


def stopper():
    loop.stop()
    state("callback after stop()")


def boom():
    raise ValueError("x")


loop.call_soon(cb, "soon")
loop.call_at(-2.5, cb, "timer")
f = loop.create_future()
f.add_done_callback(lambda fut: state("done callback"))
loop.call_soon(f.set_result, 1)
loop.call_soon(boom)
loop.call_later(0.02, stopper)
loop.run_forever()
state("between runs")

print("-- tasks")
gate = loop.create_future()


async def worker():
    state("worker step 1")
    await gate
    state("worker after gate")
    await asyncio.sleep(0)
    state("worker after sleep(0)")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        state("worker cancelled")
        raise


W = []


def peek(tag):
    print("  [%s] %s" % (tag, s(W[0])))


async def main():
    state("main step 1")
    w = asyncio.get_running_loop().create_task(worker(), name="worker")
    W.append(w)
    peek("created")
    await asyncio.sleep(0)
    peek("waiting on gate")
    gate.set_result("open")
    peek("gate done, not woken")
    await asyncio.sleep(0)
    peek("in sleep(0)")
    await asyncio.sleep(0)
    peek("in sleep(10)")
    w.cancel("stop it")
    peek("cancel requested")
    try:
        await w
    except asyncio.CancelledError as e:
        print("  worker raised", repr(e))
    peek("done")
    state("main end")
    return "main result"


print(loop.run_until_complete(main()))
state("after run_until_complete")

print("-- the other loop")


def on_other():
    state("other's callback")
    other.stop()


other.call_soon(on_other)
other.run_forever()
state("after other ran")
other.close()
loop.close()
state("both closed")
loop.call_exception_handler({"message": "direct, closed"})
