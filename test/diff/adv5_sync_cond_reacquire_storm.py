import asyncio

# Condition.wait() re-acquiring its lock under repeated cancellation: a notified waiter that is
# cancelled twice while it waits for the lock swallows both, takes the lock and raises one bare
# CancelledError (cancelling() still counts both); a waiter cancelled before notify and again
# while re-acquiring; wait_for() with a predicate that raises (the error propagates with the lock
# held) and one that is true at once (no wait); a shared Lock between two conditions; reprs.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)

    async def w(name, cond):
        async with cond:
            try:
                v = await cond.wait()
                log.append(("woke", name, v))
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, e.args, cond.locked(), asyncio.current_task().cancelling()))
                raise
        return name

    def flush(tag):
        print(tag, *log, "|", r(c1), r(c2), r(lock))
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- cancelled twice while re-acquiring")
    ts = [asyncio.create_task(w(0, c1)), asyncio.create_task(w(1, c2)), asyncio.create_task(w(2, c1))]
    await spin(1)
    flush("three waiting on two conditions")
    await lock.acquire()
    c1.notify_all()
    c2.notify(1)
    flush("notified all, lock held")
    await spin(1)
    ts[0].cancel("first")
    await spin(1)
    ts[0].cancel("second")
    await spin(1)
    flush("0 cancelled twice while waiting for the lock")
    lock.release()
    await spin(5)
    flush("released")
    print("states", states(ts), [t.cancelling() for t in ts])

    print("-- cancelled before notify and again while re-acquiring")
    ts = [asyncio.create_task(w(i, c1)) for i in range(3)]
    await spin(1)
    await lock.acquire()
    ts[1].cancel("a")
    c1.notify(1)
    flush("1 cancelled, notify(1)")
    await spin(1)
    ts[1].cancel("b")
    flush("1 cancelled again")
    lock.release()
    await spin(4)
    flush("released")
    print("states", states(ts), [t.cancelling() for t in ts])
    async with c1:
        c1.notify_all()
    await spin(4)
    flush("notify_all")
    print("states", states(ts))

    print("-- wait_for with odd predicates")
    async with c1:
        res = await c1.wait_for(lambda: 0 or "truthy")
        print("at once", repr(res), r(c1))
        try:
            await c1.wait_for(lambda: 1 / 0)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", str(e), c1.locked())
    calls = []
    def pred():
        calls.append(len(calls))
        if len(calls) == 3:
            raise KeyError("third")
        return False
    async def wf():
        async with c1:
            try:
                await c1.wait_for(pred)
            except KeyError as e:
                log.append(("KeyError", repr(e), c1.locked()))
                return "K"
    t = asyncio.create_task(wf())
    await spin(1)
    for _ in range(2):
        async with c1:
            c1.notify()
        await spin(2)
        flush("notify")
    print("result", t.result(), calls, r(c1))

asyncio.run(main())
