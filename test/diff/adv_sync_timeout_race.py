import asyncio

# A timeout that expires in the same iteration as the wake-up of a lock, semaphore, queue or
# condition waiter. Timeout.reschedule() to a past deadline schedules the expiry with call_soon,
# so the order of reschedule() and release()/put_nowait()/notify() decides: wake-up first, the
# operation completes and the timeout is disarmed; expiry first, the woken waiter is cancelled,
# passes its wake-up on, and TimeoutError is raised. wait_for(..., 0) never runs the operation.
async def main():
    loop = asyncio.get_running_loop()
    log = []
    cms = {}

    async def guarded(name, op):
        try:
            async with asyncio.timeout(10) as cm:
                cms[name] = cm
                res = await op()
            log.append(("done", name, res, cm.expired()))
            return res
        except TimeoutError:
            log.append(("timeout", name, cms[name].expired()))
            return "timeout"

    def past():
        return loop.time() - 1

    async def taker(name, prim):
        await prim.acquire()
        log.append(("taker got", name))
        return name

    for kind in ("Lock", "Semaphore"):
        for first in ("release", "expire"):
            print(f"-- {kind}: {first} first")
            prim = asyncio.Lock() if kind == "Lock" else asyncio.Semaphore(1)
            await prim.acquire()
            g = asyncio.create_task(guarded("g", prim.acquire))
            nxt = asyncio.create_task(taker("next", prim))
            await asyncio.sleep(0)
            if first == "release":
                prim.release()
                cms["g"].reschedule(past())
            else:
                cms["g"].reschedule(past())
                prim.release()
            await asyncio.sleep(0)
            print(*log, prim.locked())
            log.clear()
            res = await g
            if res != "timeout":
                prim.release()
            await nxt
            print(*log, res, prim.locked())
            log.clear()
            prim.release()

    for first in ("put", "expire"):
        print(f"-- Queue.get: {first} first")
        q = asyncio.Queue()
        g = asyncio.create_task(guarded("g", q.get))
        g2 = asyncio.create_task(guarded("g2", q.get))
        await asyncio.sleep(0)
        if first == "put":
            q.put_nowait("item")
            cms["g"].reschedule(past())
        else:
            cms["g"].reschedule(past())
            q.put_nowait("item")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(*log, q.qsize(), g.done(), g2.done())
        log.clear()
        if not g2.done():
            cms["g2"].reschedule(past())
        print(await g, await g2, q.qsize())
        log.clear()

    for first in ("get", "expire"):
        print(f"-- Queue.put: {first} first")
        q = asyncio.Queue(1)
        q.put_nowait("old")
        p = asyncio.create_task(guarded("p", lambda: q.put("new")))
        await asyncio.sleep(0)
        if first == "get":
            q.get_nowait()
            cms["p"].reschedule(past())
        else:
            cms["p"].reschedule(past())
            q.get_nowait()
        await asyncio.sleep(0)
        print(*log, q.qsize(), q.full())
        log.clear()
        print(await p, q.qsize())

    for first in ("notify", "expire"):
        print(f"-- Condition.wait: {first} first")
        cond = asyncio.Condition()
        async def cwait():
            async with cond:
                r = await guarded("c", cond.wait)
                log.append(("holding", cond.locked()))
                return r
        c = asyncio.create_task(cwait())
        await asyncio.sleep(0)
        async with cond:
            if first == "notify":
                cond.notify()
                cms["c"].reschedule(past())
            else:
                cms["c"].reschedule(past())
                cond.notify()
        await asyncio.sleep(0)
        print(*log, cond.locked())
        log.clear()
        print(await c, cond.locked())
        print(*log)
        log.clear()

    print("-- wait_for(..., 0) on operations that would not block")
    lock = asyncio.Lock()
    q = asyncio.Queue()
    q.put_nowait("item")
    ev = asyncio.Event()
    ev.set()
    for name, mk in [("lock", lock.acquire), ("get", q.get), ("event", ev.wait), ("put", lambda: q.put(2))]:
        try:
            print(name, "ok", await asyncio.wait_for(mk(), 0))
        except asyncio.TimeoutError:
            print(name, "timeout", lock.locked(), q.qsize())
    async with asyncio.timeout(0):
        print("timeout(0) does not interrupt", await lock.acquire(), await q.get())
    try:
        async with asyncio.timeout(0):
            await lock.acquire()
    except TimeoutError:
        print("timeout(0) on a held lock", lock.locked())

asyncio.run(main())
