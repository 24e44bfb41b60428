import asyncio
import time

# Timeouts and wait_for() across stops of the loop (run_until_complete() called again and
# again): reschedule() between two runs (no running loop: it stores the deadline, cancels the
# pending expiry, then raises RuntimeError), an expiry queued when the loop stops, deadlines that
# pass while the loop is stopped (all fire in the first iteration of the next run, in deadline
# order), and misuse once the blocks have ended.
INF = float("inf")
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
h = {}
log = []


async def victim(name, make):
    me = asyncio.current_task()
    cm = None
    try:
        async with make() as cm:
            h[name] = cm
            log.append(name + " entered")
            await asyncio.sleep(INF)
    except TimeoutError:
        log.append("%s TimeoutError cancelling %d" % (name, me.cancelling()))
        return name + " timed out"
    except asyncio.CancelledError as e:
        log.append("%s CancelledError %r cancelling %d expired %s" % (name, str(e), me.cancelling(), cm.expired()))
        raise


async def waiter(name, to):
    me = asyncio.current_task()
    try:
        await asyncio.wait_for(asyncio.sleep(INF), to)
    except TimeoutError:
        log.append("%s wait_for TimeoutError cancelling %d" % (name, me.cancelling()))
        return name + " timed out"


def run(aw):
    r = loop.run_until_complete(aw)
    print("  log", log)
    log.clear()
    return r


def try_reschedule(cm, w, show_when=True):
    when = (lambda: ", when %r" % (cm.when(),)) if show_when else (lambda: "")
    try:
        cm.reschedule(w)
        print("  reschedule(%r) ok%s" % (w, when()))
    except RuntimeError as e:
        print("  reschedule(%r) RuntimeError %r%s" % (w, str(e), when()))


async def set_past(cm):
    cm.reschedule(-INF)


print("-- reschedule() between two runs")
t = loop.create_task(victim("a", lambda: asyncio.timeout(100)))
run(asyncio.sleep(0))
cm = h["a"]
for w in (None, 5.0, -INF, 2.5, None, -1.0):
    try_reschedule(cm, w)
    print("   ", repr(cm), "expired", cm.expired())
run(asyncio.sleep(0.01))
print("  after a run: done", t.done(), "expired", cm.expired(), repr(cm))
run(set_past(cm))
print("  after set_past: done", t.done(), "expired", cm.expired(), repr(cm), "cancelling", t.cancelling())
run(asyncio.sleep(0))
print("  ->", t.result(), repr(cm))
try_reschedule(cm, None)

print("-- an external cancel requested between two runs, and a failed reschedule()")
t = loop.create_task(victim("b", lambda: asyncio.timeout(INF)))
run(asyncio.sleep(0))
print("  cancel ->", t.cancel("between runs"), "cancelling", t.cancelling())
try_reschedule(h["b"], -INF)
try:
    run(t)
except asyncio.CancelledError as e:
    print("  b cancelled", repr(str(e)), "cancelling", t.cancelling(), repr(h["b"]))

print("-- deadlines that pass while the loop is stopped")
now = loop.time()
tc = loop.create_task(victim("c", lambda: asyncio.timeout_at(now + 0.05)))
loop.call_at(now + 0.08, log.append, "plain timer")
td = loop.create_task(waiter("d", 0.11))
te = loop.create_task(victim("e", lambda: asyncio.timeout_at(now + 0.14)))
loop.call_at(now + 0.17, log.append, "late timer")
run(asyncio.sleep(0))
time.sleep(now + 0.25 - loop.time())
print("  stopped past all deadlines: done", tc.done(), td.done(), te.done())
run(asyncio.sleep(0))
run(asyncio.sleep(0))
print("  ->", tc.result(), "|", td.result(), "|", te.result(), "| expired", h["c"].expired(), h["e"].expired())

print("-- the block is over: misuse")
for k in ("a", "c", "e"):
    try_reschedule(h[k], 1.0, False)
    print("   ", repr(h[k]), h[k].when() is not None)

print("-- a timeout whose expiry is queued when run_until_complete() returns")


async def arm_and_finish(cm):
    cm.reschedule(-INF)
    return "armed"

t = loop.create_task(victim("f", lambda: asyncio.timeout(INF)))
run(asyncio.sleep(0))
print("  ", run(arm_and_finish(h["f"])), "done", t.done(), repr(h["f"]), "cancelling", t.cancelling())
try_reschedule(h["f"], None)
print("  ", run(t), repr(h["f"]))
loop.close()
print("closed")
