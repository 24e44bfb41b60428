import asyncio
import re

# Tasks cancelled while their loop is stopped, at every point a run can leave them: not started;
# waiting on a future (also one completed between runs, so the wake-up is already queued:
# the cancellation then lands in place of the value); sleeping (the timer is dropped when the
# task resumes); relinquishing in sleep(0) (the step queued); done. A second cancel() between
# runs (its message wins only when the first one could not cancel the awaited future), uncancel()
# between runs, cancel() and then the awaited future completed between runs; the reprs, the
# cancelling() counts and the messages the coroutines see, and the tasks that catch the
# cancellation and go on awaiting in the next run. Each run is one run_until_complete of a gather.
loop = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    t = re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)
    return re.sub(r"when=[\d.e+-]+", "when=T", t)


def log(*args):
    print("  ", *args)


async def waits_on(fut, tag, resist=False):
    log(tag, "waits")
    try:
        v = await fut
        log(tag, "got", v)
        return v
    except asyncio.CancelledError as e:
        log(tag, "cancelled with", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        if not resist:
            raise
    log(tag, "resists and sleeps(0)")
    await asyncio.sleep(0)
    log(tag, "after the resisting sleep, cancelling", asyncio.current_task().cancelling())
    return tag + " resisted"


async def sleeper(tag, d):
    log(tag, "sleeps", d)
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        log(tag, "sleep cancelled with", repr(str(e)))
        raise
    return tag


async def yielder(tag):
    log(tag, "sleep(0) 1")
    await asyncio.sleep(0)
    log(tag, "sleep(0) 2")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        log(tag, "cancelled in sleep(0) with", repr(str(e)))
        raise
    return tag


def outcome(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "failed " + repr(t.exception())
    return "result " + repr(t.result())


def stop_soon():
    loop.call_soon(loop.stop)


def run(label, *tasks):
    print("run:", label)
    loop.run_forever()
    for t in tasks:
        print("  ", t.get_name(), "done" if t.done() else "pending", s(t))


fa = loop.create_future()
fb = loop.create_future()
fc = loop.create_future()
fd = loop.create_future()
tasks = {
    "fresh": loop.create_task(waits_on(fa, "fresh"), name="fresh"),
    "on_fb": loop.create_task(waits_on(fb, "on_fb"), name="on_fb"),
    "woken": loop.create_task(waits_on(fc, "woken"), name="woken"),
    "twice": loop.create_task(waits_on(fd, "twice", resist=True), name="twice"),
    "sleeper": loop.create_task(sleeper("sleeper", 30), name="sleeper"),
    "yielder": loop.create_task(yielder("yielder"), name="yielder"),
}
T = tasks
print("-- first run: every task reaches its first await")
T["fresh"].cancel("fresh before start")
loop.call_soon(stop_soon)
run("first", *T.values())

print("-- between runs")
print("fresh: cancel again ->", T["fresh"].cancel("too late"))
print("on_fb: cancel ->", T["on_fb"].cancel("on_fb msg"), "cancelling", T["on_fb"].cancelling())
fc.set_result("fc value")
print("woken: fc set, then cancel ->", T["woken"].cancel("woken msg"), "cancelling", T["woken"].cancelling())
print("twice: cancel ->", T["twice"].cancel("first msg"), T["twice"].cancel("second msg"), "cancelling", T["twice"].cancelling())
print("twice: uncancel ->", T["twice"].uncancel(), "cancelling", T["twice"].cancelling())
print("sleeper: cancel ->", T["sleeper"].cancel("wake up"), "cancelling", T["sleeper"].cancelling())
print("yielder: cancel ->", T["yielder"].cancel("in sleep(0)"), "cancelling", T["yielder"].cancelling())
for k, t in T.items():
    print("  ", k, s(t))
try:
    fb.set_result("fb value after cancel")
except asyncio.InvalidStateError as e:
    print("fb.set_result raised InvalidStateError; fb", s(fb))
loop.call_soon(stop_soon)
run("second", *T.values())

print("-- the rest")
res = loop.run_until_complete(asyncio.gather(*T.values(), return_exceptions=True))
print("gather:", [type(r).__name__ + " " + str(r) if isinstance(r, BaseException) else r for r in res])
for k, t in T.items():
    print("  ", k, outcome(t), "cancelling", t.cancelling())
print("cancel a done task ->", T["twice"].cancel("after"), T["fresh"].cancel())
loop.close()
