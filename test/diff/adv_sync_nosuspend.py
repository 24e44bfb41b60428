import asyncio

# Operations that complete without suspending the task (as in asyncio, where the coroutine
# returns without yielding): a callback scheduled before them runs only when the task next
# really waits. Each probe logs around the operation; a call_soon callback marks where the loop
# got control back.
async def main():
    loop = asyncio.get_running_loop()
    log = []

    async def probe(name, make):
        loop.call_soon(log.append, "cb " + name)
        log.append("before " + name)
        res = await make()
        log.append(("after", name, res))
        await asyncio.sleep(0)
        print(*log)
        log.clear()

    lock = asyncio.Lock()
    await probe("lock.acquire", lock.acquire)
    lock.release()

    async def with_lock():
        async with lock:
            return lock.locked()
    await probe("async with lock", with_lock)

    sem = asyncio.Semaphore(2)
    await probe("sem.acquire", sem.acquire)
    bsem = asyncio.BoundedSemaphore(1)
    async def with_bsem():
        async with bsem:
            return bsem.locked()
    await probe("async with bsem", with_bsem)

    ev = asyncio.Event()
    ev.set()
    await probe("event.wait", ev.wait)

    cond = asyncio.Condition()
    async def cond_wait_for():
        async with cond:
            return await cond.wait_for(lambda: 42)
    await probe("cond.wait_for", cond_wait_for)

    b = asyncio.Barrier(1)
    await probe("barrier(1).wait", b.wait)
    async def with_barrier():
        async with b as i:
            return i
    await probe("async with barrier(1)", with_barrier)
    await probe("barrier.reset", b.reset)
    await probe("barrier.abort", b.abort)
    print("broken", b.broken)

    q = asyncio.Queue(1)
    await probe("queue.put", lambda: q.put("item"))
    await probe("queue.get", q.get)
    q.task_done()
    await probe("queue.join", q.join)
    lq = asyncio.LifoQueue()
    lq.put_nowait(1)
    lq.put_nowait(2)
    await probe("lifo.get", lq.get)
    pq = asyncio.PriorityQueue()
    await probe("prio.put", lambda: pq.put((1, "x")))
    await probe("prio.get", pq.get)

asyncio.run(main())
