import asyncio
import re

# Work scheduled on a stopped loop between runs, in every way, runs at the next run in one
# order: call_soon and call_soon_threadsafe (same queue, FIFO together), done callbacks of a
# future completed between runs (queued at set_result, or at add_done_callback when it is
# already done), a task's first step (queued at create_task), a task's wake-up (a future it
# waits on completed between runs), then the timers already due (call_later(0), call_at in the
# past, in deadline order) after everything queued before the run; handles cancelled between
# runs are skipped, a timer cancelled and rescheduled takes its new place; what the stopping
# iteration queued comes before what was queued between runs; call_soon_threadsafe from another
# loop's callback and from a task of that loop; the handles' reprs and cancelled() flags.
loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


def log(*args):
    print("  ", *args)


def run(label):
    print("run:", label)
    loop.call_soon(loop.stop)
    loop.run_forever()


print("-- 1 the plain queue")
hs = []
hs.append(loop.call_soon(log, "soon 1"))
hs.append(loop.call_soon_threadsafe(log, "threadsafe 2"))
hs.append(loop.call_soon(log, "soon 3 (cancelled)"))
hs.append(loop.call_soon_threadsafe(log, "threadsafe 4 (cancelled)"))
hs.append(loop.call_soon(log, "soon 5"))
hs[2].cancel()
hs[3].cancel()
for h in hs:
    print(s(h), h.cancelled())
run("plain")
for h in hs:
    print(s(h), h.cancelled())

print("-- 2 timers, futures and tasks between runs")
now = loop.time()
loop.call_later(0, log, "later(0)")
loop.call_at(now - 0.5, log, "at -0.5")
tc = loop.call_at(now - 0.7, log, "at -0.7 (cancelled, rescheduled at -0.1)")
tc.cancel()
loop.call_at(now - 0.1, log, "at -0.1 (rescheduled)")
loop.call_soon(log, "soon a")
f = loop.create_future()
f.add_done_callback(lambda fut: log("f done callback 1:", fut.result()))
loop.call_soon(log, "soon b")
f.set_result("F")
loop.call_soon_threadsafe(log, "threadsafe c")
f.add_done_callback(lambda fut: log("f done callback 2 (added when done)"))
gate = loop.create_future()


async def waiter():
    log("waiter first step")
    v = await gate
    log("waiter woke:", v)
    return v


async def starter():
    log("starter first step")
    return "started"


w = loop.create_task(waiter(), name="waiter")
loop.call_soon(log, "soon d")
run("first pass: the waiter blocks on gate")
gate.set_result("G")
loop.call_soon(log, "soon e (after gate.set_result)")
t = loop.create_task(starter(), name="starter")
loop.call_soon_threadsafe(log, "threadsafe f")
loop.call_at(now - 1, log, "at -1 (oldest deadline, queued last)")
run("second pass")
print(s(w))
print(s(t))

print("-- 3 the stopping iteration's work comes first")


def stopper():
    log("stopper stops and queues three")
    loop.stop()
    loop.call_soon(log, "queued by the stopper")
    loop.call_soon_threadsafe(log, "threadsafe by the stopper")
    loop.call_at(loop.time() - 5, log, "timer -5 by the stopper")


loop.call_soon(stopper)
loop.run_forever()
loop.call_soon(log, "queued between runs")
loop.call_at(loop.time() - 9, log, "timer -9 between runs")
run("next")

print("-- 4 from another loop")


async def other_task():
    log("other's task queues on loop")
    loop.call_soon_threadsafe(log, "threadsafe from other's task")
    await asyncio.sleep(0)
    loop.call_soon(log, "soon from other's task, second step")
    return "other done"


other.call_soon(loop.call_soon_threadsafe, log, "threadsafe from other's callback")
other.call_soon(loop.call_soon, log, "soon from other's callback")
print("other:", other.run_until_complete(other_task()))
loop.call_soon(log, "soon from outside")
run("loop gets other's work")

print("-- 5 closed")
loop.close()
for how in ("call_soon", "call_soon_threadsafe"):
    try:
        getattr(loop, how)(log, "never")
    except RuntimeError as e:
        print(how, "raised", str(e))
other.close()
