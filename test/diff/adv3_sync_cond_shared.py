import asyncio

# Conditions sharing one Lock with plain lock users: notified waiters re-acquire the lock in
# line with ordinary acquirers (FIFO on the lock, not on the condition); notify on one condition
# does not wake the other's waiters; a predicate that is true when notified but false again when
# the waiter runs sends it back to the end of the condition's line; wait() by a task that does
# not hold the (unowned) lock releases the holder's lock; notify(n) with n larger than the
# line or fractional; errors without the lock.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    L = asyncio.Lock()
    c1 = asyncio.Condition(L)
    c2 = asyncio.Condition(L)

    def flush(tag):
        print(tag, *log, "|", r(L), r(c1), r(c2))
        log.clear()

    async def cwaiter(name, cond):
        async with cond:
            log.append(("wait", name))
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log.append(("cancelled", name, cond.locked(), asyncio.current_task().cancelling()))
                raise
            log.append(("woke", name, r(cond)))
            await asyncio.sleep(0)
            log.append(("leave", name))
        return name

    async def plain(name):
        await L.acquire()
        log.append(("plain got", name, r(L)))
        await asyncio.sleep(0)
        log.append(("plain release", name))
        L.release()
        return name

    print("-- shared lock: condition waiters queue on the lock behind plain acquirers")
    w1 = asyncio.create_task(cwaiter("W1", c1))
    w2 = asyncio.create_task(cwaiter("W2", c2))
    await asyncio.sleep(0)
    flush("waiting")
    await L.acquire()
    p = asyncio.create_task(plain("P"))
    await asyncio.sleep(0)
    flush("P queued")
    c1.notify_all()
    c2.notify(0)
    flush("c1 notified")
    await asyncio.sleep(0)
    flush("tick1 (lock still held)")
    L.release()
    for i in range(2, 7):
        await asyncio.sleep(0)
        flush("tick%d" % i)
    print("w2 still waiting", w2.done(), r(c2))
    async with c2:
        c2.notify(5)
    await asyncio.gather(w1, w2, p)
    flush("done")

    print("-- predicate true at notify, false when the waiter runs")
    state = {"items": 0}
    cond = asyncio.Condition()
    def pred(name):
        def f():
            log.append(("pred", name, state["items"]))
            return state["items"]
        return f
    async def consumer(name):
        async with cond:
            v = await cond.wait_for(pred(name))
            state["items"] -= 1
            log.append(("consumed", name, v, r(cond)))
        return name
    cs = [asyncio.create_task(consumer(i)) for i in range(4)]
    await asyncio.sleep(0)
    flush("waiting")
    async with cond:
        state["items"] = 1
        cond.notify_all()
        print("notified", r(cond))
    for i in range(4):
        await asyncio.sleep(0)
        log.append(r(cond))
        flush("tick%d" % i)
    async with cond:
        state["items"] = 2
        cond.notify(2.5)       # idx 0, 1, 2 < 2.5: three waiters
        print("notify 2.5", r(cond))
    for i in range(4):
        await asyncio.sleep(0)
        flush("tick%d" % i)
    print("done", [c.done() for c in cs], state)
    async with cond:
        state["items"] = 5
        cond.notify(100)
    await asyncio.gather(*cs)
    flush("all consumed")
    print("items left", state)

    print("-- wait() by a task that does not hold the lock")
    cond = asyncio.Condition()
    async def holder():
        await cond.acquire()
        log.append(("holder has it", r(cond)))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        try:
            cond.release()
            log.append(("holder released",))
        except RuntimeError as e:
            log.append(("holder RuntimeError", str(e)))
    async def intruder():
        log.append(("intruder sees", cond.locked()))
        try:
            await asyncio.wait_for(cond.wait(), 0.01)
        except asyncio.TimeoutError:
            log.append(("intruder timed out", cond.locked(), r(cond)))
        cond.release()
    h = asyncio.create_task(holder())
    i = asyncio.create_task(intruder())
    await asyncio.gather(h, i)
    flush("after")

    print("-- errors without the lock")
    for f in (cond.notify, cond.notify_all):
        try:
            f()
        except RuntimeError as e:
            print("RuntimeError", str(e))
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", str(e))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("RuntimeError", str(e))
    print("wait_for true without lock:", await cond.wait_for(lambda: 7), r(cond))

    print("-- cancelled while queued on the lock after a notify")
    cond = asyncio.Condition()
    ws = [asyncio.create_task(cwaiter(i, cond)) for i in range(3)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify(2)
    await asyncio.sleep(0)   # 0 and 1 now queue on the lock
    print("queued on lock", *log, "|", r(cond))
    log.clear()
    ws[0].cancel("first")
    ws[0].cancel("again")
    ws[2].cancel("third")
    await asyncio.sleep(0)
    print("after cancels", *log, "|", r(cond))
    log.clear()
    cond.release()
    for k in range(4):
        await asyncio.sleep(0)
        print("tick%d" % k, *log, "|", r(cond))
        log.clear()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in res], [t.cancelling() for t in ws])
    print("end", r(cond))

asyncio.run(main())
