import asyncio

# join()/task_done() edge cases: the unfinished count (tasks=N in str) as puts succeed, fail with
# QueueFull, or wait and are cancelled; task_done() for items still queued; joiners that start
# after the count reached zero (no wait) or after a put in the same iteration (they wait for the
# new item); a joiner cancelled after it was woken (CancelledError all the same) and one
# cancelled before; join() under shield() whose outer await is cancelled; task_done() too often
# inside a task (the task fails with ValueError, the loop goes on); a worker pool with
# task_done() in finally and items that raise.
def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__ + ":" + str(t.exception())
    return "result " + repr(t.result())

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    log = []

    async def joiner(q, name):
        try:
            await q.join()
        except asyncio.CancelledError:
            log.append((name, "cancelled"))
            raise
        log.append((name, "joined", str(q)))
        return name

    def flush(tag, q):
        print(tag, *log, "|", str(q))
        log.clear()

    print("-- the count")
    q = asyncio.Queue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        flush("QueueFull", q)
    p = asyncio.create_task(q.put(3))
    await spin(1)
    p.cancel()
    await spin(1)
    flush("put waited and was cancelled: " + state(p), q)
    q.task_done()
    q.task_done()
    flush("two task_done with both items queued", q)
    j = asyncio.create_task(joiner(q, "j0"))
    await spin(1)
    flush("j0 started: " + state(j), q)
    try:
        q.task_done()
    except ValueError as e:
        flush("ValueError " + str(e), q)
    print("items still there", q.get_nowait(), q.get_nowait(), str(q))

    print("-- joiners around zero")
    q = asyncio.Queue()
    q.put_nowait("a")
    j1 = asyncio.create_task(joiner(q, "j1"))
    j2 = asyncio.create_task(joiner(q, "j2"))
    j3 = asyncio.create_task(joiner(q, "j3"))
    await spin(1)
    flush("three wait", q)
    j1.cancel()
    q.get_nowait()
    q.task_done()
    j2.cancel()
    q.put_nowait("b")
    late = asyncio.create_task(joiner(q, "late"))
    flush("j1 cancelled, done, j2 cancelled after the wake-up, put b, late joiner", q)
    await spin(1)
    flush("tick1", q)
    await spin(1)
    flush("tick2 " + str([state(t) for t in (j1, j2, j3, late)]), q)
    q.get_nowait()
    q.task_done()
    await spin(2)
    flush("b done " + state(late), q)

    print("-- join under shield")
    q = asyncio.Queue()
    q.put_nowait("s")
    inner = asyncio.ensure_future(joiner(q, "inner"))
    async def outer():
        try:
            await asyncio.shield(inner)
        except asyncio.CancelledError:
            log.append(("outer", "cancelled", inner.done()))
            raise
    o = asyncio.create_task(outer())
    await spin(1)
    o.cancel()
    await spin(1)
    flush("outer cancelled " + state(o) + " inner " + state(inner), q)
    q.task_done()
    await spin(2)
    flush("task_done " + state(inner), q)

    print("-- task_done too often inside a task")
    q = asyncio.Queue()
    async def bad():
        q.put_nowait("x")
        q.task_done()
        q.task_done()
    t = asyncio.create_task(bad())
    await spin(1)
    flush("bad: " + state(t), q)
    j = asyncio.create_task(joiner(q, "after-bad"))
    await spin(1)
    flush("joiner after the failure: " + state(j), q)

    print("-- worker pool")
    q = asyncio.Queue(2)
    async def worker(name):
        while True:
            item = await q.get()
            try:
                await asyncio.sleep(0)
                if item % 3 == 0:
                    raise ValueError(item)
                log.append((name, item))
            except ValueError as e:
                log.append((name, "failed", str(e)))
            finally:
                q.task_done()
    ws = [asyncio.create_task(worker("w%d" % i)) for i in range(2)]
    jj = asyncio.create_task(joiner(q, "pool-joiner"))
    for i in range(1, 8):
        await q.put(i)
        log.append(("put", i, q.qsize()))
    await jj
    flush("all done", q)
    for w in ws:
        w.cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("workers", [type(x).__name__ for x in res], str(q))
    c = q.join()
    await c
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)

asyncio.run(main())
