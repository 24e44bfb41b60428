import asyncio
import re

# A deadline that expires in the same iteration as the wake-up of the primitive a task waits on
# (asyncio.timeout rescheduled into the past runs its callback with call_soon, so the order of
# reschedule() and release()/set()/notify()/put_nowait()/get_nowait()/task_done() decides who
# runs first). Wake-up first: the waiter gets through. Deadline first: the waiter was woken but
# is cancelled before it runs; it must pass the wake-up on (Lock, Semaphore, Queue) or drop it
# (Condition in 3.11 does not pass a notification on), and the timeout becomes TimeoutError.
def r(x):
    if isinstance(x, asyncio.Queue):
        # str(q) with the items replaced by their count (the item list is formatted differently)
        return re.sub(r" _queue=\[[^\]]*\]", " _queue:%d" % x.qsize(), str(x))
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    log = []
    cms = {}

    async def guarded(name, make):
        try:
            async with asyncio.timeout(None) as cm:
                cms[name] = cm
                v = await make()
                log.append(("ok", name, v))
        except TimeoutError:
            log.append(("timeout", name, cms[name].expired()))
            return "T"
        log.append(("left", name, cms[name].expired()))
        return v

    async def plain(name, make):
        v = await make()
        log.append(("plain ok", name, v))
        return v

    def flush(tag, prim):
        print(tag, *log, "|", r(prim))
        log.clear()

    async def scenario(title, prim, setup, wait, wake, deadline_first):
        print("--", title, "deadline first" if deadline_first else "wake first")
        await setup()
        g = asyncio.create_task(guarded("G", wait))
        p = asyncio.create_task(plain("P", wait))
        await asyncio.sleep(0)
        flush("waiting", prim)
        if deadline_first:
            cms["G"].reschedule(loop.time() - 1)
            wake()
        else:
            wake()
            cms["G"].reschedule(loop.time() - 1)
        flush("same iteration", prim)
        for i in range(3):
            await asyncio.sleep(0)
            flush("tick%d" % i, prim)
        return g, p

    async def finish(g, p, prim, more):
        if not p.done():
            more()
        res = await asyncio.gather(g, p)
        flush("end %r" % (res,), prim)

    for first in (False, True):
        lock = asyncio.Lock()
        async def setup():
            await lock.acquire()
        async def wait():
            return await lock.acquire()
        g, p = await scenario("Lock", lock, setup, wait, lock.release, first)
        await finish(g, p, lock, lock.release)

    for first in (False, True):
        sem = asyncio.Semaphore(0)
        async def setup():
            pass
        async def wait():
            return await sem.acquire()
        g, p = await scenario("Semaphore", sem, setup, wait, sem.release, first)
        await finish(g, p, sem, sem.release)

    for first in (False, True):
        ev = asyncio.Event()
        async def setup():
            pass
        async def wait():
            return await ev.wait()
        g, p = await scenario("Event", ev, setup, wait, ev.set, first)
        await finish(g, p, ev, ev.set)

    for first in (False, True):
        cond = asyncio.Condition()
        async def setup():
            pass
        async def wait():
            async with cond:
                return await cond.wait()
        async def notify_one():
            async with cond:
                cond.notify()
        print("--", "Condition", "deadline first" if first else "wake first")
        g = asyncio.create_task(guarded("G", wait))
        p = asyncio.create_task(plain("P", wait))
        await asyncio.sleep(0)
        flush("waiting", cond)
        await cond.acquire()
        if first:
            cms["G"].reschedule(loop.time() - 1)
            cond.notify()
        else:
            cond.notify()
            cms["G"].reschedule(loop.time() - 1)
        flush("same iteration", cond)
        await asyncio.sleep(0)
        flush("tick0 (lock held)", cond)
        cond.release()
        for i in range(1, 4):
            await asyncio.sleep(0)
            flush("tick%d" % i, cond)
        print("P still waiting:", not p.done(), r(cond))
        if not p.done():
            await notify_one()
        res = await asyncio.gather(g, p)
        flush("end %r" % (res,), cond)

    for first in (False, True):
        q = asyncio.Queue()
        async def setup():
            pass
        async def wait():
            return await q.get()
        g, p = await scenario("Queue.get", q, setup, wait, lambda: q.put_nowait("item1"), first)
        await finish(g, p, q, lambda: q.put_nowait("item2"))

    for first in (False, True):
        q = asyncio.Queue(1)
        async def setup():
            q.put_nowait("old")
        n = iter(range(100))
        async def wait():
            return await q.put(next(n))
        def take():
            log.append(("took", q.get_nowait()))
        g, p = await scenario("Queue.put", q, setup, wait, take, first)
        await finish(g, p, q, take)
        print("left in queue", q.get_nowait(), q.empty())

    for first in (False, True):
        q = asyncio.Queue()
        async def setup():
            q.put_nowait("job")
            q.get_nowait()
        async def wait():
            return await q.join()
        g, p = await scenario("Queue.join", q, setup, wait, q.task_done, first)
        await finish(g, p, q, q.task_done)

asyncio.run(main())
