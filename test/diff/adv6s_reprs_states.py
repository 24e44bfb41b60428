import asyncio
import re

# Reprs of Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier in every state they
# pass through (waiters counted until the cancelled ones have run, a notified waiter still
# counted, the barrier filling/draining/resetting/broken), and of tasks that run the primitives'
# coroutines directly: coro=<Lock.acquire()>, <Event.wait()>, <Condition.wait()>,
# <Condition.wait_for()>, <Semaphore.acquire()> (also for a BoundedSemaphore), <Barrier.wait()>,
# <Barrier.reset()>, <Barrier.abort()>, pending, waiting, cancelling and finished (result,
# exception, cancelled). Source locations are stripped.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def show(label, obj):
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", repr(obj))
    print(" ", label, text)

async def holder(cond, ev, name):
    async with cond:
        return await cond.wait_for(lambda: ev.is_set() and name)

async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    sem = asyncio.Semaphore(1)
    bsem = asyncio.BoundedSemaphore(2)
    bar = asyncio.Barrier(3)
    prims = [lock, ev, cond, sem, bsem, bar]

    def reprs(tag):
        print(tag)
        for p in prims:
            print(" ", r(p))

    reprs("-- fresh")
    await lock.acquire()
    await cond.acquire()
    await sem.acquire()
    await bsem.acquire()
    await bsem.acquire()
    reprs("-- all held")

    coros = {
        "lock": lock.acquire(),
        "event": ev.wait(),
        "cond.wait": cond.wait(),
        "cond.wait_for": cond.wait_for(lambda: False),
        "sem": sem.acquire(),
        "bsem": bsem.acquire(),
        "barrier.wait": bar.wait(),
        "barrier.wait2": bar.wait(),
    }
    ts = {k: asyncio.create_task(c, name=k) for k, c in coros.items()}
    print("-- tasks created")
    for k, t in ts.items():
        show(k, t)
    # cond.wait() needs the lock: main holds it, so the task's wait fails
    await asyncio.sleep(0)
    print("-- after one step")
    for k, t in ts.items():
        show(k, t)
    reprs("-- prims")
    # the cond.wait task released main's lock (a Lock has no owner)
    cx = asyncio.create_task(cond.wait(), name="cond.wait#2")
    cy = asyncio.create_task(cond.wait_for(lambda: ev.is_set()), name="cond.wait_for#2")
    await asyncio.sleep(0)
    print("-- more condition tasks (lock free: they fail)")
    show("cond.wait#2", cx)
    show("cond.wait_for#2", cy)
    cx.exception()

    hs = [asyncio.create_task(holder(cond, ev, "h%d" % i), name="h%d" % i) for i in range(3)]
    await asyncio.sleep(0)
    reprs("-- three holders waiting on the condition")
    print("-- cancel lock, sem and one holder")
    for k in ("lock", "sem"):
        ts[k].cancel()
        show(k, ts[k])
    hs[1].cancel("holder out")
    show("h1", hs[1])
    reprs("-- cancelled, not yet run")
    await asyncio.sleep(0)
    reprs("-- after they ran")
    for k in ("lock", "sem"):
        show(k, ts[k])
    show("h1", hs[1])

    print("-- set the event, notify all")
    ev.set()
    reprs("-- event set")
    show("event", ts["event"])
    async with cond:
        cond.notify_all()
        reprs("-- notified, not yet run")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for h in hs:
        show(h.get_name(), h)
    show("cond.wait", ts["cond.wait"])
    reprs("-- the cond.wait task took the lock back")
    cond.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for h in hs:
        show(h.get_name(), h)
    reprs("-- after")

    print("-- barrier: a third party trips it")
    t3 = asyncio.create_task(bar.wait(), name="barrier.wait3")
    await asyncio.sleep(0)
    reprs("-- draining")
    for k in ("barrier.wait", "barrier.wait2"):
        show(k, ts[k])
    show("barrier.wait3", t3)
    await asyncio.sleep(0)
    reprs("-- drained")
    for k in ("barrier.wait", "barrier.wait2"):
        show(k, ts[k])
    w1 = asyncio.create_task(bar.wait(), name="w1")
    await asyncio.sleep(0)
    rs = asyncio.create_task(bar.reset(), name="reset")
    show("reset", rs)
    await asyncio.sleep(0)
    reprs("-- resetting")
    show("reset", rs)
    show("w1", w1)
    await asyncio.sleep(0)
    show("w1", w1)
    reprs("-- reset done")
    ab = asyncio.create_task(bar.abort(), name="abort")
    await asyncio.sleep(0)
    show("abort", ab)
    reprs("-- broken")

    print("-- release the rest")
    lock.release()
    sem.release()
    bsem.release()
    reprs("-- released")
    await asyncio.sleep(0)
    show("bsem", ts["bsem"])
    reprs("-- bsem waiter took its unit")
    bsem.release()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError", str(e))
    reprs("-- end")
    for t in list(ts.values()) + hs + [cy, w1]:
        if t.done() and not t.cancelled():
            t.exception()

asyncio.run(main())
