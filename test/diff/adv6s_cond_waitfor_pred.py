import asyncio

# Condition.wait_for(predicate) against hostile predicates: one that raises on its first call
# (no lock needed, nothing queued), one that raises after a wake-up (the error leaves with the
# lock held and the waiter list clean), one that cancels its own task (the wait ends at once
# with the message, lock taken back), one that releases the lock (RuntimeError from wait), one
# that notifies the other waiters itself, falsy results (0, '', None) keep waiting and the
# truthy value is returned; wait_for under asyncio.wait_for timing out while main holds the lock
# (TimeoutError only once the lock is back); the loop and the condition keep working after all.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P"
    if t.cancelled():
        return "C"
    e = t.exception()
    return type(e).__name__ if e else t.result()

async def main():
    log = []
    cond = asyncio.Condition()

    def flush(tag, *ts):
        print(tag, *log, "|", r(cond), [st(t) for t in ts])
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    print("-- raises on the first call, lock not held")
    calls = [0]
    def boom():
        calls[0] += 1
        raise ValueError("first %d" % calls[0])
    try:
        await cond.wait_for(boom)
    except ValueError as e:
        print("ValueError", str(e), cond.locked(), r(cond))
    print("-- true at once without the lock")
    print("result", await cond.wait_for(lambda: "ready"), r(cond))
    print("-- false without the lock")
    try:
        await cond.wait_for(lambda: 0)
    except RuntimeError as e:
        print("RuntimeError", str(e), r(cond))

    print("-- raises after a wake-up")
    seq = {"n": 0}
    async def raiser(name):
        def pred():
            seq["n"] += 1
            log.append(("pred", name, seq["n"]))
            if seq["n"] >= 3:
                raise KeyError(name)
            return False
        async with cond:
            try:
                return await cond.wait_for(pred)
            except KeyError as e:
                log.append(("KeyError", e.args, cond.locked(), r(cond)))
                raise
    t1 = asyncio.create_task(raiser("x"))
    t2 = asyncio.create_task(raiser("y"))
    await spin(2)
    flush("both waiting", t1, t2)
    async with cond:
        cond.notify_all()
        flush("notify_all", t1, t2)
    await spin(3)
    flush("after", t1, t2)
    async with cond:
        cond.notify_all()
    await spin(3)
    flush("after second notify", t1, t2)

    print("-- cancels its own task inside the predicate")
    async def selfcancel(name, when):
        n = [0]
        def pred():
            n[0] += 1
            log.append(("pred", name, n[0]))
            if n[0] == when:
                asyncio.current_task().cancel("from pred %d" % n[0])
            return False
        async with cond:
            try:
                await cond.wait_for(pred)
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, e.args, cond.locked()))
                raise
    t1 = asyncio.create_task(selfcancel("first", 1))
    t2 = asyncio.create_task(selfcancel("second", 2))
    await spin(2)
    flush("started", t1, t2)
    async with cond:
        cond.notify_all()
    await spin(3)
    flush("after notify", t1, t2)

    print("-- releases the lock inside the predicate")
    async def releaser():
        def pred():
            cond.release()
            log.append(("released in pred", cond.locked()))
            return False
        await cond.acquire()
        try:
            await cond.wait_for(pred)
        except RuntimeError as e:
            log.append(("RuntimeError", str(e), cond.locked()))
            return "re"
    t1 = asyncio.create_task(releaser())
    await spin(2)
    flush("releaser", t1)

    print("-- a predicate that notifies the others, falsy values")
    vals = {"a": [0, "", None, "A!"], "b": ["", 7], "c": [None, 0, False, "C"]}
    async def picky(name):
        def pred():
            v = vals[name].pop(0)
            log.append(("pred", name, v))
            if name == "b" and v == "":
                cond.notify(1)
                log.append(("b notified", r(cond)))
            return v
        async with cond:
            res = await cond.wait_for(pred)
            log.append(("got", name, res))
            return res
    ts = [asyncio.create_task(picky(n)) for n in "abc"]
    await spin(2)
    flush("all waiting", *ts)
    for i in range(5):
        async with cond:
            cond.notify(1)
            flush("notify 1 #%d" % i, *ts)
        await spin(3)
        flush("after", *ts)
    async with cond:
        cond.notify_all()
    await spin(3)
    flush("notify_all", *ts)

    print("-- under wait_for() timing out while main holds the lock")
    async def timed(name):
        async with cond:
            try:
                await asyncio.wait_for(cond.wait_for(lambda: False), 0.05)
            except TimeoutError:
                log.append(("timeout", name, cond.locked()))
                return "T"
    t1 = asyncio.create_task(timed("t"))
    await spin(1)
    flush("waiting", t1)
    await cond.acquire()
    flush("main holds", t1)
    await asyncio.sleep(0.3)
    flush("deadline passed, main still holds", t1)
    cond.release()
    await spin(4)
    flush("released", t1)

    print("-- still works")
    checks = [0]
    def counted():
        checks[0] += 1
        return checks[0] > 1 and "done"
    async def last():
        async with cond:
            return await cond.wait_for(counted)
    t1 = asyncio.create_task(last())
    await spin(2)
    async with cond:
        cond.notify()
    await spin(3)
    flush("end", t1)

asyncio.run(main())
