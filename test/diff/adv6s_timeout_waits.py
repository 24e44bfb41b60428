import asyncio

# asyncio.timeout() expiring around the primitives' waits: cond.wait() expiring while it waits
# for the notification (TimeoutError once the lock is back, main holding it past the deadline),
# expiring after the notification while it re-acquires (the reacquire loop swallows the
# cancellation, re-raises a bare CancelledError, and timeout() still turns it into TimeoutError),
# the same with an outer cancel() on top (CancelledError wins, cancelling() counts both);
# cond.wait_for(), lock.acquire(), event.wait() and barrier.wait() expiring (the barrier not
# broken, its slot given back); a deadline rescheduled to None while waiting; expired() and the
# task's cancelling()/uncancel() state afterwards.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    e = t.exception()
    return type(e).__name__ if e else t.result()

async def main():
    log = []
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    ev = asyncio.Event()
    bar = asyncio.Barrier(2)
    loop = asyncio.get_running_loop()

    def flush(tag, *ts):
        print(tag, *log, "|", r(lock), r(cond), [st(t) for t in ts])
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    async def guarded(name, aw_fn, delay, hold=True):
        t = asyncio.current_task()
        try:
            async with asyncio.timeout(delay) as cm:
                if hold:
                    await lock.acquire()
                try:
                    v = await aw_fn()
                    log.append(("ok", name, v))
                finally:
                    if hold and lock.locked():
                        lock.release()
            return "done"
        except TimeoutError:
            log.append(("timeout", name, cm.expired(), t.cancelling(), lock.locked()))
            return "T"
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, e.args, cm.expired(), t.cancelling()))
            raise

    print("-- cond.wait() expires while waiting, main holds the lock over the deadline")
    t = asyncio.create_task(guarded("w1", cond.wait, 0.05))
    await spin(1)
    await lock.acquire()
    flush("main holds", t)
    await asyncio.sleep(0.3)
    flush("deadline passed", t)
    lock.release()
    await spin(3)
    flush("released", t)

    print("-- cond.wait() notified, deadline passes while it re-acquires")
    t = asyncio.create_task(guarded("w2", cond.wait, 0.05))
    await spin(1)
    await lock.acquire()
    cond.notify()
    await spin(1)
    flush("notified, queued on the lock", t)
    await asyncio.sleep(0.3)
    flush("deadline passed", t)
    lock.release()
    await spin(3)
    flush("released", t)

    print("-- same, with an outer cancel on top")
    t = asyncio.create_task(guarded("w3", cond.wait, 0.05))
    await spin(1)
    await lock.acquire()
    cond.notify()
    await spin(1)
    await asyncio.sleep(0.3)
    t.cancel("outer")
    flush("deadline passed, outer cancel", t)
    lock.release()
    await spin(3)
    flush("released", t)

    print("-- cond.wait_for() expiring")
    t = asyncio.create_task(guarded("wf", lambda: cond.wait_for(lambda: ev.is_set()), 0.05))
    await asyncio.sleep(0.3)
    flush("expired", t)

    print("-- lock.acquire() expiring behind a holder")
    await lock.acquire()
    t = asyncio.create_task(guarded("acq", lock.acquire, 0.05, hold=False))
    await asyncio.sleep(0.3)
    flush("expired", t)
    lock.release()
    flush("released", t)

    print("-- event.wait() expiring, and one rescheduled to None")
    t = asyncio.create_task(guarded("ev", ev.wait, 0.05, hold=False))
    async def rescheduled():
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(0)
            cm.reschedule(None)
            log.append(("rescheduled", cm.when()))
            v = await ev.wait()
        log.append(("ev ok", v, cm.expired()))
        return "R"
    t2 = asyncio.create_task(rescheduled())
    await asyncio.sleep(0.3)
    flush("one expired", t, t2)
    ev.set()
    await spin(2)
    flush("set", t, t2)

    print("-- barrier.wait() expiring")
    t = asyncio.create_task(guarded("bar", bar.wait, 0.05, hold=False))
    await spin(2)
    print("waiting", r(bar), bar.n_waiting)
    await asyncio.sleep(0.3)
    flush("expired", t)
    print("after", r(bar), bar.n_waiting, bar.broken)
    t1 = asyncio.create_task(bar.wait())
    t2 = asyncio.create_task(bar.wait())
    await spin(3)
    flush("barrier still works", t1, t2)

    print("-- uncancel state after a swallowed timeout")
    async def swallow():
        try:
            async with asyncio.timeout(0.05):
                async with cond:
                    await cond.wait()
        except TimeoutError:
            pass
        me = asyncio.current_task()
        log.append(("after swallow", me.cancelling()))
        await asyncio.sleep(0)
        return "S"
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0.3)
    flush("end", t)

asyncio.run(main())
