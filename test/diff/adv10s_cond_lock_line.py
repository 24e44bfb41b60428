import asyncio

# Condition waiters and plain users of the same Lock competing for it, with cancellations at
# each point: notified waiters queue for the lock behind plain users already in line; one
# cancelled while queued for the lock passes the lock's wake-up on and queues again AT THE
# BACK (its re-acquire loop swallows the cancellation), so it takes the lock after users that
# came later, and only then raises; notify(n) skips waiters cancelled before it and does not
# count them; a waiter notified and cancelled before it runs drops the notification; a waiter
# cancelled twice while re-acquiring raises once; waiters that catch the CancelledError with
# the lock held and wait again join the condition's line at the back. The order in which the
# lock is taken is the trace, with the lock's and condition's reprs per step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return repr(t.result())

log = []
order = []

async def cwaiter(cond, name, again):
    await cond.acquire()
    order.append(name + "+")
    rounds = 0
    try:
        while True:
            try:
                await cond.wait()
                log.append((name, "notified", cond.locked()))
                order.append(name)
                break
            except asyncio.CancelledError as e:
                log.append((name, "cancelled", e.args, cond.locked(), asyncio.current_task().cancelling()))
                order.append(name + "!")
                rounds += 1
                if again and rounds == 1:
                    asyncio.current_task().uncancel()
                    log.append((name, "waits again"))
                    continue
                raise
        await asyncio.sleep(0)
    finally:
        cond.release()
    return name

async def luser(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    order.append(name)
    log.append((name, "has lock"))
    await asyncio.sleep(0)
    lock.release()
    return name

async def scenario(script):
    log.clear()
    order.clear()
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    ts = {}
    for n in ("w0", "w1", "w2", "w3"):
        ts[n] = asyncio.create_task(cwaiter(cond, n, n == "w1"))
    await asyncio.sleep(0)

    def show(tag):
        print("   ", tag, *log, "|", r(lock), r(cond), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()

    show("waiting")
    for op in script:
        kind = op[0]
        if kind == "hold":
            await lock.acquire()
            log.append(("main holds",))
        elif kind == "release":
            lock.release()
            log.append(("main releases",))
        elif kind == "notify":
            held = lock.locked()
            if not held:
                await lock.acquire()
            cond.notify(op[1])
            log.append(("notify", op[1]))
            if not held:
                lock.release()
        elif kind == "user":
            ts[op[1]] = asyncio.create_task(luser(lock, op[1]))
        elif kind == "cancel":
            log.append(("cancel", op[1], ts[op[1]].cancel(op[2] if len(op) > 2 else None)))
        elif kind == "step":
            for _ in range(op[1]):
                await asyncio.sleep(0)
        show(" ".join(str(x) for x in op))
    for i in range(12):
        await asyncio.sleep(0)
        if log:
            show("drain%d" % i)
    if any(not t.done() for t in ts.values()):
        await lock.acquire()
        cond.notify_all()
        lock.release()
        log.append(("notify_all",))
        for _ in range(12):
            await asyncio.sleep(0)
    for t in ts.values():
        t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    show("end")
    print("    order", order)

SCRIPTS = [
    # notified waiters queue behind a plain user that came first
    [("hold",), ("user", "u1"), ("step", 1), ("notify", 2), ("user", "u2"), ("step", 1), ("release",)],
    # a notified waiter cancelled while queued for the lock goes to the back
    [("hold",), ("notify", 2), ("step", 1), ("user", "u1"), ("step", 1), ("cancel", "w0", "m"), ("step", 1), ("release",)],
    # the same, cancelled after release() handed it the lock (woken, not yet run)
    [("hold",), ("notify", 2), ("step", 1), ("user", "u1"), ("step", 1), ("release",), ("cancel", "w0", "m")],
    # cancelled twice while re-acquiring
    [("hold",), ("notify", 1), ("step", 1), ("cancel", "w0", "a"), ("step", 1), ("cancel", "w0", "b"), ("step", 1), ("release",)],
    # notify(2) skips waiters cancelled before it
    [("cancel", "w0", "x"), ("cancel", "w1"), ("notify", 2), ("step", 3)],
    # notified and cancelled in the same step: the notification is dropped
    [("notify", 2), ("cancel", "w0", "y"), ("step", 3), ("notify", 1), ("step", 3)],
    # w1 catches its cancellation, takes the lock, waits again at the back of the line
    [("cancel", "w1", "z"), ("step", 2), ("notify", 1), ("step", 3), ("notify", 3), ("step", 4)],
    # cancelled while waiting, with main holding the lock: raises only once main releases
    [("hold",), ("cancel", "w1", "q"), ("user", "u1"), ("step", 3), ("notify", 1), ("step", 2), ("release",)],
]

async def main():
    for i, script in enumerate(SCRIPTS):
        print("-- script", i)
        await scenario(script)

asyncio.run(main())
