import asyncio

# A task that cancels itself (a pending cancellation, asyncio's _must_cancel) keeps running
# through operations that do not suspend: get()/put() on a queue that can serve at once, a free
# lock or semaphore, a set event, wait_for() with a true predicate, a one-party barrier, join()
# on a finished queue. The CancelledError arrives at the first await that really waits, and
# nothing taken before is lost or left locked.
async def main():
    log = []
    q = asyncio.Queue(2)
    q.put_nowait("item")
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    ev = asyncio.Event()
    ev.set()
    cond = asyncio.Condition()
    b = asyncio.Barrier(1)

    async def body():
        task = asyncio.current_task()
        task.cancel("self")
        log.append(("cancelling", task.cancelling()))
        log.append(("get", await q.get()))
        await q.put("back")
        log.append(("put", q.qsize()))
        await lock.acquire()
        log.append(("lock", lock.locked()))
        lock.release()
        await sem.acquire()
        log.append(("sem", sem.locked()))
        sem.release()
        log.append(("event", await ev.wait()))
        await cond.acquire()
        log.append(("wait_for", await cond.wait_for(lambda: "ready")))
        cond.release()
        log.append(("barrier", await b.wait()))
        q.get_nowait()
        q.task_done()
        q.task_done()
        await q.join()
        log.append(("joined", q.qsize()))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(("cancelled at sleep", str(e), task.cancelling()))
            raise

    t = asyncio.create_task(body())
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(("task cancelled", str(e)))
    for x in log:
        print(*x)
    print("state", q.qsize(), lock.locked(), sem.locked(), cond.locked(), b.n_waiting, b.broken)

    print("-- cancelled again while the cancellation is pending: still one CancelledError")
    log.clear()
    async def twice():
        task = asyncio.current_task()
        task.cancel("one")
        task.cancel("two")
        async with lock:
            log.append(("in lock", task.cancelling()))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(("caught", str(e), task.cancelling(), task.uncancel(), task.uncancel()))
        await asyncio.sleep(0)
        log.append(("survived", lock.locked()))
        return "ok"
    print(await asyncio.create_task(twice()))
    for x in log:
        print(*x)

asyncio.run(main())
