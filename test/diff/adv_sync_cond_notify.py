import asyncio

# Condition: notify(n) skips waiters whose future is already done (cancelled but not yet
# removed, or already notified) without counting them; notify(0)/notify(-1) wake nobody;
# notify_all() counts listed waiters; wait_for() with predicates that raise (before any wait,
# and after a wake-up: the lock is held again when the error propagates); cancellation
# messages through wait(), and the message lost when cancelled while re-acquiring.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    cond = asyncio.Condition()

    async def waiter(name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, repr(str(e)), cond.locked()))
                raise
            log.append(("woke", name))
        return name

    def flush(tag):
        print(tag, *log, r(cond))
        log.clear()

    print("-- notify(n) skips cancelled waiters")
    ts = [asyncio.create_task(waiter(i)) for i in range(6)]
    await asyncio.sleep(0)
    print("waiting", r(cond))
    ts[0].cancel("c0")
    ts[2].cancel("c2")
    async with cond:
        cond.notify(0)
        cond.notify(-1)
        print("notify 0/-1", r(cond))
        cond.notify(2)       # wakes 1 and 3
        cond.notify(1)       # 1 and 3 are done: wakes 4
        print("notified", r(cond))
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts, return_exceptions=True)
    flush("end")
    print([t.cancelled() for t in ts])

    print("-- notify_all with cancelled listed waiters")
    ts = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    ts[1].cancel()
    async with cond:
        cond.notify_all()
        print("in lock", r(cond))
    await asyncio.gather(*ts, return_exceptions=True)
    flush("end")

    print("-- predicate raising")
    state = {"n": 0}
    def pred():
        state["n"] += 1
        log.append(("pred", state["n"], cond.locked()))
        if state["n"] == 1:
            return 0
        if state["n"] == 2:
            raise KeyError("boom")
        return state["n"]
    async def pwaiter():
        try:
            async with cond:
                return await cond.wait_for(pred)
        except KeyError as e:
            log.append(("raised", repr(e), cond.locked()))
            return "err"
    t = asyncio.create_task(pwaiter())
    await asyncio.sleep(0)
    flush("waiting")
    async with cond:
        cond.notify()
    print("result", await t)
    flush("after")

    def bad():
        raise ZeroDivisionError("first call")
    async with cond:
        try:
            await cond.wait_for(bad)
        except ZeroDivisionError as e:
            print("first call raised", repr(e), cond.locked(), r(cond))
    print("released", r(cond))

    print("-- wait_for: predicate true at once does not suspend")
    async with cond:
        print("value", await cond.wait_for(lambda: "yes"), r(cond))

    print("-- cancel message: while waiting vs while re-acquiring")
    t1 = asyncio.create_task(waiter("m1"))
    t2 = asyncio.create_task(waiter("m2"))
    await asyncio.sleep(0)
    t1.cancel("while waiting")
    await cond.acquire()
    cond.notify()            # wakes m2 (m1 is cancelled)
    await asyncio.sleep(0)   # m1 and m2 now wait for the lock
    flush("tick")
    t2.cancel("while re-acquiring")
    await asyncio.sleep(0)
    cond.release()
    for t in (t1, t2):
        try:
            await t
        except asyncio.CancelledError as e:
            print("task raised", repr(str(e)), t.cancelled())
    flush("end")

asyncio.run(main())
