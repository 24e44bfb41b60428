import asyncio

# `async with` on Lock and Condition (lock.with() / cond.with()) under hostile bodies: a body
# that releases the lock itself (the exit's release raises RuntimeError, also replacing the
# body's own error), a body that raises with waiters queued (the lock passes to the first), a
# re-entrant `async with lock` inside itself under wait_for (TimeoutError, the outer still
# releases), a body cancelled in a wait() of the condition (the lock is held again when the
# exit releases it), a body whose task is cancelled while waiting to enter (the body never
# runs), a value returned from the body, and the lock still usable after each.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P"
    if t.cancelled():
        return "C"
    e = t.exception()
    return "%s(%s)" % (type(e).__name__, str(e)) if e else t.result()

async def main():
    log = []
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)

    def flush(tag, *ts):
        print(tag, *log, "|", r(lock), r(cond), [st(t) for t in ts])
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    async def user(name):
        async with lock:
            log.append(("in", name))
            await asyncio.sleep(0)
            log.append(("out", name))
        return name

    print("-- the body releases the lock itself")
    async def self_release(raise_too):
        async with lock:
            lock.release()
            log.append(("released inside", lock.locked()))
            if raise_too:
                raise ValueError("body")
        return "unreached"
    for raise_too in (False, True):
        t = asyncio.create_task(self_release(raise_too))
        await spin(1)
        flush("raise_too=%s" % raise_too, t)

    print("-- the body raises with waiters queued")
    async def raiser():
        async with lock:
            log.append(("in", "raiser"))
            await asyncio.sleep(0)
            raise LookupError("k")
    ts = [asyncio.create_task(raiser()), asyncio.create_task(user("u1")), asyncio.create_task(user("u2"))]
    await spin(1)
    flush("queued", *ts)
    await spin(4)
    flush("after", *ts)

    print("-- re-entrant async with under wait_for")
    async def reenter():
        async with lock:
            log.append(("outer", lock.locked()))
            try:
                await asyncio.wait_for(lock.acquire(), 0.05)
            except TimeoutError:
                log.append(("inner timed out", r(lock)))
            return "reenter"
    t = asyncio.create_task(reenter())
    u = asyncio.create_task(user("u3"))
    await asyncio.sleep(0.3)
    flush("timed out", t, u)
    await spin(3)
    flush("after", t, u)

    print("-- cancelled inside cond.wait() in the body")
    async def cwaiter(name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError as e:
                log.append(("cancelled in wait", name, e.args, lock.locked()))
                raise
            finally:
                log.append(("finally", name, lock.locked()))
    ts = [asyncio.create_task(cwaiter("c1")), asyncio.create_task(cwaiter("c2"))]
    await spin(1)
    await lock.acquire()
    flush("main holds", *ts)
    ts[0].cancel("first")
    cond.notify(1)
    flush("c1 cancelled, notify 1 (c1's waiter is done: c2)", *ts)
    await spin(2)
    flush("spin", *ts)
    lock.release()
    await spin(4)
    flush("released", *ts)

    print("-- cancelled while waiting to enter")
    async def never(name):
        async with lock:
            log.append(("BODY RAN", name))
        return name
    await lock.acquire()
    ts = [asyncio.create_task(never("n1")), asyncio.create_task(never("n2"))]
    await spin(1)
    ts[0].cancel()
    lock.release()
    ts[1].cancel("also")
    flush("both cancelled, lock released", *ts)
    await spin(2)
    flush("after", *ts)

    print("-- a value from the body, then reuse")
    async def valued():
        async with cond:
            return ("v", lock.locked())
    t = asyncio.create_task(valued())
    await spin(1)
    flush("valued", t)
    ts = [asyncio.create_task(user("z%d" % i)) for i in range(3)]
    await spin(8)
    flush("reuse", *ts)

asyncio.run(main())
