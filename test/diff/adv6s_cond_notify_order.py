import asyncio

# The order of wake-ups on a Condition sharing its Lock with plain lock users: a waiter that
# waits again after waking goes to the back of the line, so rounds of notify(2) rotate through
# the waiters; notified waiters take the lock back in FIFO order behind lock users that queued
# earlier, and ahead of those that queue later; a chain in which each woken waiter notifies the
# next before it leaves (with a cancelled link skipped, and notify() from a woken waiter while
# earlier notified ones have not run: they are done and not counted); notify_all() while some
# are notified already; the lock's and condition's reprs per round.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)

    def flush(tag):
        print(tag, *log, "|", r(lock), r(cond))
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    print("-- rotation: each woken waiter waits again")
    async def rotor(name, rounds):
        async with cond:
            for i in range(rounds):
                await cond.wait()
                log.append((name, i))
        return name
    ts = [asyncio.create_task(rotor("w%d" % i, 2)) for i in range(5)]
    await spin(1)
    flush("waiting")
    for k in range(5):
        async with cond:
            cond.notify(2)
        await spin(3)
        flush("notify(2) round %d" % k)
    print("done", [t.result() for t in ts if t.done()])

    print("-- notified waiters re-acquire behind earlier lock users, ahead of later ones")
    async def plain(name):
        async with lock:
            log.append(("plain", name))
            await asyncio.sleep(0)
    async def cw(name):
        async with cond:
            await cond.wait()
            log.append(("cond", name))
    ts = [asyncio.create_task(cw("c%d" % i)) for i in range(3)]
    await spin(1)
    await lock.acquire()
    ps = [asyncio.create_task(plain("early%d" % i)) for i in range(2)]
    await spin(1)
    cond.notify_all()
    await spin(1)
    ps += [asyncio.create_task(plain("late%d" % i)) for i in range(2)]
    await spin(1)
    flush("main holds: 2 early, 3 notified, 2 late queued")
    lock.release()
    await spin(12)
    flush("released")

    print("-- a notify chain with a cancelled link")
    async def link(name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log.append(("cancelled", name))
                raise
            log.append(("woke", name, r(cond)))
            cond.notify(1)
            log.append(("passed on", name, r(cond)))
    ts = [asyncio.create_task(link("L%d" % i)) for i in range(5)]
    await spin(1)
    ts[2].cancel()
    async with cond:
        cond.notify(1)
        flush("L2 cancelled, notify(1)")
    for k in range(6):
        await spin(1)
        flush("step %d" % k)
    print("states", ["C" if t.cancelled() else "ok" for t in ts])

    print("-- notify from a woken waiter while others are notified but not yet run")
    async def burst(name, extra):
        async with cond:
            await cond.wait()
            log.append(("woke", name, r(cond)))
            if extra:
                cond.notify(extra)
                log.append(("notify", extra, name, r(cond)))
    ts = [asyncio.create_task(burst("b%d" % i, 2 if i == 0 else 0)) for i in range(6)]
    await spin(1)
    async with cond:
        cond.notify(3)
        flush("notify(3)")
    await spin(1)
    flush("b0 ran")
    await spin(8)
    flush("after")
    async with cond:
        cond.notify(1)
        cond.notify_all()
        flush("notify(1) + notify_all()")
    await spin(8)
    flush("end")

asyncio.run(main())
