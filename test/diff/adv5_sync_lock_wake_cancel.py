import asyncio

# Lock waiters cancelled in the iteration they are woken: the wake-up passes to the next waiter,
# repeatedly down a chain of cancelled waiters; a waiter cancelled after the woken one has taken
# the lock; release from a task that did not acquire (allowed); a newcomer that acquires while a
# woken waiter has not run yet is refused; release of an unlocked lock (RuntimeError) and the
# loop continuing; reprs [locked, waiters:N] along the way; a cancelled holder inside with().
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    lock = asyncio.Lock()

    async def w(name, hold=0):
        try:
            await lock.acquire()
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, e.args, lock.locked()))
            raise
        log.append(("got", name))
        for _ in range(hold):
            await asyncio.sleep(0)
        return name

    def flush(tag):
        print(tag, *log, "|", r(lock), lock.locked())
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- chain of cancelled woken waiters")
    await lock.acquire()
    ts = [asyncio.create_task(w(i)) for i in range(5)]
    await spin(1)
    flush("five waiting")
    lock.release()
    ts[0].cancel("c0")
    ts[1].cancel("c1")
    flush("released, 0 (woken) and 1 cancelled")
    await spin(1)
    flush("tick1")
    await spin(1)
    flush("tick2")
    print("states", states(ts))
    ts[3].cancel("c3")
    lock.release()            # held by task 2 (finished): releasing from main is allowed
    ts[4].cancel("c4")
    flush("released for 2, 3 and 4 cancelled")
    await spin(2)
    flush("after")
    print("states", states(ts))

    print("-- newcomer while a woken waiter has not run")
    await lock.acquire()
    ts = [asyncio.create_task(w("A"))]
    await spin(1)
    lock.release()
    print("locked after release", lock.locked(), r(lock))
    ts.append(asyncio.create_task(w("N")))
    ts.append(asyncio.create_task(w("M")))
    await spin(1)
    flush("tick1")
    lock.release()
    await spin(1)
    flush("tick2")
    lock.release()
    await spin(1)
    flush("tick3")
    print("states", states(ts))
    lock.release()

    print("-- release unlocked, the loop goes on")
    for _ in range(2):
        try:
            lock.release()
        except RuntimeError as e:
            print("RuntimeError", str(e), r(lock))
    print("acquire", await lock.acquire(), r(lock))
    lock.release()

    print("-- with(): cancelled holder and cancelled waiter")
    async def body(name):
        try:
            async with lock:
                log.append(("in", name, r(lock)))
                await asyncio.sleep(0)
                log.append(("leaving", name))
        except asyncio.CancelledError:
            log.append(("out cancelled", name, r(lock)))
            raise
        return name
    ts = [asyncio.create_task(body(i)) for i in range(4)]
    await spin(1)
    flush("one inside")
    ts[0].cancel()
    ts[2].cancel()
    await spin(1)
    flush("tick1")
    await spin(3)
    flush("after")
    print("states", states(ts), r(lock))

asyncio.run(main())
