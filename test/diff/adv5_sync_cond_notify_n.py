import asyncio

# Condition.notify(n) among cancelled waiters: cancelled waiters are skipped and do not count,
# n = 0 and negative n wake nobody, n larger than the waiters wakes all; a waiter notified and
# cancelled in the same iteration (3.11 does not pass the notification on, and re-raises a bare
# CancelledError after taking the lock back); repr with waiters in every state; notify without
# the lock and release of an unlocked condition, after which the loop keeps working.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    cond = asyncio.Condition()

    async def w(name):
        async with cond:
            log.append(("wait", name))
            try:
                v = await cond.wait()
                log.append(("woke", name, v, cond.locked()))
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, e.args, cond.locked()))
                raise
        return name

    def flush(tag):
        print(tag, *log, "|", r(cond))
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    ts = [asyncio.create_task(w(i)) for i in range(6)]
    await spin(2)
    flush("all waiting")
    ts[0].cancel("m0")
    ts[2].cancel("m2")
    flush("two cancelled before notify")
    async with cond:
        cond.notify(0)
        cond.notify(-3)
        flush("notify 0 and -3")
        cond.notify(2)
        flush("notify 2")
    flush("released")
    await spin(3)
    flush("after spin")
    print("states", [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts])

    async with cond:
        cond.notify(1)
        ts[4].cancel("m4")      # notified one (4) cancelled in the same iteration
        flush("notify 1 then cancel it")
    await spin(3)
    flush("after spin")
    print("states", [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts])
    async with cond:
        cond.notify(100)
        flush("notify 100")
    await spin(3)
    flush("after spin")
    print("states", [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts])

    print("-- notify without the lock, release unlocked")
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    try:
        cond.release()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    print("repr", r(cond))

    print("-- wait_for with a predicate that turns true, cancelled holder")
    state = {"n": 0}
    async def wf(name):
        async with cond:
            try:
                res = await cond.wait_for(lambda: state["n"] >= name)
                log.append(("wf ok", name, res))
            except asyncio.CancelledError:
                log.append(("wf cancelled", name, cond.locked()))
                raise
        return name
    ts = [asyncio.create_task(wf(i)) for i in (1, 2, 3)]
    await spin(2)
    flush("waiting for")
    for step in range(1, 4):
        async with cond:
            state["n"] = step
            cond.notify_all()
            if step == 2:
                ts[2].cancel()
            flush("notify_all n=%d" % step)
        await spin(3)
        flush("after spin %d" % step)
    print("states", [("C" if t.cancelled() else t.result()) for t in ts])

    print("-- holder cancelled while another notified waiter needs the lock")
    await cond.acquire()
    ts = [asyncio.create_task(w(i)) for i in (10, 11)]
    cond.release()
    await spin(2)
    await cond.acquire()
    cond.notify_all()
    flush("notified both, lock held by main")
    await spin(2)
    ts[0].cancel("late")
    flush("cancel 10 while it waits for the lock")
    cond.release()
    await spin(4)
    flush("released")
    print("states", [("C" if t.cancelled() else t.result()) for t in ts], cond.locked())

asyncio.run(main())
