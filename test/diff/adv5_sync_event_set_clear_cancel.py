import asyncio

# Event waiters under cancellation: set() then clear() in one iteration still wakes every waiter
# (each returns True though the flag is down when it runs), a waiter cancelled after set() is
# cancelled all the same (its True is lost), cancelled waiters leave the waiter list only when
# they run (the repr counts them until then), wait() on a set event does not suspend, set()
# twice, clear() of a clear event, a waiter cancelled and uncancelled that waits again, and the
# reprs [set|unset, waiters:N] along the way.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    ev = asyncio.Event()

    async def w(name, retry=False):
        while True:
            try:
                v = await ev.wait()
                log.append(("woke", name, v, ev.is_set()))
                return name
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, e.args, ev.is_set()))
                if not retry:
                    raise
                retry = False
                asyncio.current_task().uncancel()

    def flush(tag):
        print(tag, *log, "|", r(ev), ev.is_set())
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- set and clear in one iteration")
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await spin(1)
    flush("four waiting")
    ts[1].cancel("before")
    ev.set()
    ev.set()
    ts[2].cancel("after")
    ev.clear()
    ev.clear()
    flush("cancel 1, set, set, cancel 2, clear, clear")
    await spin(1)
    flush("tick1")
    print("states", states(ts))

    print("-- cancelled waiters stay listed until they run")
    ts = [asyncio.create_task(w(i, retry=(i == 1))) for i in range(3)]
    await spin(1)
    for t in ts:
        t.cancel()
    flush("all three cancelled")
    await spin(1)
    flush("tick1")
    ev.set()
    flush("set")
    await spin(1)
    flush("tick2")
    print("states", states(ts))

    print("-- wait on a set event does not suspend")
    async def quick():
        v = await ev.wait()
        log.append(("quick", v))
        return v
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    flush("one step")
    print("done", t.done(), t.result())
    ev.clear()
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    flush("cleared: one step")
    print("done", t.done(), r(ev))
    ev.set()
    ev.clear()
    ev.set()
    await asyncio.sleep(0)
    flush("set clear set")
    print("done", t.done(), t.result())

    print("-- wait_for on an event with a cancelled outer task")
    ev.clear()
    async def outer(name):
        try:
            return await asyncio.wait_for(ev.wait(), 100)
        except asyncio.CancelledError as e:
            log.append(("outer cancelled", name, e.args, r(ev)))
            raise
    ts = [asyncio.create_task(outer(i)) for i in range(3)]
    await spin(2)
    flush("three wait_for")
    ts[0].cancel("x")
    ev.set()
    ts[2].cancel("y")
    await spin(3)
    flush("after")
    print("states", states(ts), r(ev))

asyncio.run(main())
