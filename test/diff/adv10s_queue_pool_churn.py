import asyncio

# A bounded Queue, LifoQueue and PriorityQueue (maxsize 2) between a producer and a pool of
# consumers that main cancels at scripted steps: while holding an item before task_done() (one
# marks it done in finally, one also puts it back with put_nowait(), which succeeds or fails with
# QueueFull), while it waits in get(), twice in one step (the first message wins; the consumer
# swallows one cancellation with uncancel() and goes on with cancelling() still 1); the producer
# cancelled while it waits in put() (its item is never put); put_nowait()/get_nowait() from main
# racing the pool; join() waiters: one plain, one under wait_for(..., 0) (TimeoutError at once),
# one through shield() whose outer await is cancelled. Per step: the events, str() of the queue
# and every task's state; at the end, str() of the queue, what was consumed and what is left.
def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return repr(t.result())

log = []
consumed = []

async def producer(q, items):
    for x in items:
        try:
            await q.put(x)
        except asyncio.CancelledError as e:
            log.append(("prod", "cancelled at", x, e.args))
            raise
        log.append(("prod", "put", x))
    return "produced"

async def consumer(q, name, policy):
    swallowed = False
    while True:
        try:
            item = await q.get()
        except asyncio.CancelledError as e:
            log.append((name, "cancelled in get", e.args))
            if policy == "swallow" and not swallowed:
                swallowed = True
                asyncio.current_task().uncancel()
                log.append((name, "goes on"))
                continue
            raise
        log.append((name, "got", item))
        try:
            await asyncio.sleep(0)
            if item % 3 == 0:
                await asyncio.sleep(0)
            consumed.append(item)
            log.append((name, "done", item))
        except asyncio.CancelledError as e:
            log.append((name, "cancelled holding", item, e.args))
            if policy == "requeue":
                try:
                    q.put_nowait(item)
                    log.append((name, "requeued", item))
                except asyncio.QueueFull:
                    log.append((name, "requeue failed: QueueFull", item))
            raise
        finally:
            q.task_done()

async def joiner(q, name, how):
    try:
        if how == "plain":
            await q.join()
        elif how == "zero":
            await asyncio.wait_for(q.join(), 0)
        elif how == "shield":
            await asyncio.shield(q.join())
    except asyncio.TimeoutError:
        log.append((name, "TimeoutError", str(q)))
        return "timeout"
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    log.append((name, "joined", str(q)))
    return "joined"

async def scenario(cls, actions):
    log.clear()
    consumed.clear()
    q = cls(2)
    ts = {}
    ts["prod"] = asyncio.create_task(producer(q, [5, 3, 8, 1, 9, 2, 7, 4, 6]))
    ts["c0"] = asyncio.create_task(consumer(q, "c0", "finally"))
    ts["c1"] = asyncio.create_task(consumer(q, "c1", "requeue"))
    ts["c2"] = asyncio.create_task(consumer(q, "c2", "swallow"))
    ts["j1"] = asyncio.create_task(joiner(q, "j1", "plain"))
    ts["j2"] = asyncio.create_task(joiner(q, "j2", "zero"))
    ts["j3"] = asyncio.create_task(joiner(q, "j3", "shield"))
    for step in range(16):
        for a in actions.get(step, ()):
            if a[0] == "cancel":
                log.append(("main cancels", a[1], ts[a[1]].cancel(a[2])))
            elif a[0] == "put":
                try:
                    q.put_nowait(a[1])
                    log.append(("main put", a[1]))
                except asyncio.QueueFull:
                    log.append(("main put", a[1], "QueueFull"))
            elif a[0] == "get":
                try:
                    x = q.get_nowait()
                    log.append(("main got", x))
                    q.task_done()
                except asyncio.QueueEmpty:
                    log.append(("main got", "QueueEmpty"))
        await asyncio.sleep(0)
        if log:
            print("   %2d" % step, *log, "|", str(q), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
            log.clear()
    # cancel until everything is done (c2 swallows one cancellation)
    while any(not t.done() for t in ts.values()):
        for t in ts.values():
            t.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    final = str(q)
    left = []
    while not q.empty():
        left.append(q.get_nowait())
    print("    end", *log, "|", final, "consumed", sorted(consumed), "left", left)

ACTIONS = [
    {},
    {2: [("cancel", "c0", "a")], 4: [("cancel", "c2", "b")], 6: [("cancel", "c1", "c")], 9: [("cancel", "j3", "d")]},
    {0: [("put", 0)], 1: [("cancel", "c1", "w")], 3: [("get",), ("cancel", "prod", "p")], 5: [("cancel", "c2", "s"), ("cancel", "c2", "t")]},
    {1: [("cancel", "c0", "x"), ("cancel", "c1", "y")], 2: [("put", 10), ("put", 11)], 7: [("cancel", "j1", "j")], 8: [("cancel", "c2", "z")]},
]

async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        for i, actions in enumerate(ACTIONS):
            print("--", cls.__name__, "actions", i)
            await scenario(cls, actions)

asyncio.run(main())
