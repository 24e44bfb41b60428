import asyncio

# Lock: wake-ups passed on through chains of cancelled waiters. A woken waiter that is cancelled
# before it runs passes the wake-up to the head of the line, which may itself be a cancelled
# (but not yet removed) waiter: that one passes it on in its turn. Newcomers cannot barge past
# a woken (done but not cancelled) waiter. Cancellation messages and cancelling() counts.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    log = []

    async def taker(name, hold=1):
        try:
            await lock.acquire()
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, str(e), asyncio.current_task().cancelling()))
            raise
        log.append(("got", name, r(lock)))
        for _ in range(hold):
            await asyncio.sleep(0)
        log.append(("release", name))
        lock.release()
        return name

    def flush(tag):
        print(tag, *log)
        log.clear()

    print("-- chain: woken A cancelled, B (pending) cancelled too, C gets it")
    lock = asyncio.Lock()
    await lock.acquire()
    ts = {n: asyncio.create_task(taker(n)) for n in "ABCD"}
    await asyncio.sleep(0)
    print("queued", r(lock))
    lock.release()           # wakes A
    ts["A"].cancel("msgA")   # A: woken, then cancelled
    ts["B"].cancel("msgB")   # B: still waiting, its future is cancelled
    print("same iteration", r(lock), lock.locked())
    # a newcomer cannot take the free lock: A's waiter is done but not cancelled
    n1 = asyncio.create_task(taker("N1"))
    await asyncio.sleep(0)
    flush("tick1")
    print("after tick1", r(lock), lock.locked())
    await asyncio.sleep(0)
    flush("tick2")
    print("after tick2", r(lock))
    res = await asyncio.gather(*ts.values(), n1, return_exceptions=True)
    flush("end")
    print("res", [x if isinstance(x, str) else type(x).__name__ for x in res], r(lock))

    print("-- every waiter cancelled in the iteration of release: lock stays free")
    lock = asyncio.Lock()
    await lock.acquire()
    ts = [asyncio.create_task(taker(i)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    for t in ts:
        t.cancel()
    print("fast path?", lock.locked(), r(lock))
    await asyncio.sleep(0)
    flush("tick")
    print("after", r(lock), [t.cancelled() for t in ts])
    print("acquire now", await lock.acquire(), r(lock))
    lock.release()

    print("-- cancelled head, release: a newcomer still queues behind the live waiter")
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(taker("a"))
    b = asyncio.create_task(taker("b"))
    await asyncio.sleep(0)
    a.cancel()
    lock.release()   # head a is cancelled (done): not woken; b stays pending
    print("released", r(lock), lock.locked())
    t = asyncio.create_task(lock.acquire())   # waits: b is a live waiter
    await asyncio.sleep(0)
    flush("tick")
    print("after", r(lock), t.done(), b.done())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    flush("tick")
    print("after", r(lock), t.done(), b.done())
    await asyncio.sleep(0)
    print("t", t.done(), r(lock))
    lock.release()
    print("end", r(lock))

    print("-- woken waiter catches the cancellation and retries")
    lock = asyncio.Lock()
    async def holdout():
        while True:
            try:
                await lock.acquire()
                break
            except asyncio.CancelledError:
                task = asyncio.current_task()
                print("holdout cancelled", task.cancelling(), task.uncancel(), r(lock))
        print("holdout got it", r(lock))
        lock.release()
    await lock.acquire()
    s = asyncio.create_task(holdout())
    o = asyncio.create_task(taker("o"))
    await asyncio.sleep(0)
    lock.release()
    s.cancel()
    await asyncio.sleep(0)
    flush("tick")
    print("state", r(lock))
    await asyncio.gather(s, o)
    flush("end")
    print("end", r(lock))

asyncio.run(main())
