import asyncio

# Queue.join()/task_done(): task_done() called too many times (the error text, and the counter
# left intact); several joiners woken together; a put between the wake-up and the joiner running
# (the joiner returns all the same); join() on a finished queue does not suspend; a cancelled
# joiner; task_done() with items still queued; join while getters wait.
async def main():
    loop = asyncio.get_running_loop()
    log = []

    def td(q, tag):
        try:
            q.task_done()
            log.append((tag, "ok"))
        except ValueError as e:
            log.append((tag, str(e)))

    async def joiner(q, name):
        try:
            await q.join()
        except asyncio.CancelledError:
            log.append(("join cancelled", name))
            raise
        log.append(("joined", name, q.qsize()))

    print("-- too many task_done")
    q = asyncio.Queue()
    td(q, "empty")
    q.put_nowait(1)
    td(q, "one")
    td(q, "two")
    print(*log, q.qsize())
    q.get_nowait()
    print("drained", str(q))
    td(q, "after get")
    print(log[-1], str(q))
    log.clear()

    print("-- join on a finished queue does not suspend")
    order = []
    async def quick():
        order.append("start")
        await q.join()
        order.append("joined")
    loop.call_soon(order.append, "cb")
    t = asyncio.create_task(quick())
    loop.call_soon(order.append, "cb2")
    await asyncio.sleep(0)
    print(order)

    print("-- several joiners, a put between the wake-up and their run")
    q = asyncio.Queue()
    q.put_nowait("a")
    q.put_nowait("b")
    js = [asyncio.create_task(joiner(q, i)) for i in range(3)]
    await asyncio.sleep(0)
    print("waiting", q.qsize())
    q.get_nowait()
    td(q, "a")
    q.get_nowait()
    js[1].cancel()
    td(q, "b")                   # count 0: wakes joiners 0 and 2
    q.put_nowait("c")            # count 1 again before they run
    print("state", q.qsize())
    await asyncio.sleep(0)
    print(*log)
    log.clear()
    late = asyncio.create_task(joiner(q, "late"))
    await asyncio.sleep(0)
    print("late waiting", late.done(), q.qsize())
    q.get_nowait()
    td(q, "c")
    td(q, "extra")
    await asyncio.sleep(0)
    print(*log)
    log.clear()

    print("-- task_done before get; join while getters wait")
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("x")            # wakes g; item still queued
    td(q, "early")               # allowed: counts puts, not gets
    j = asyncio.create_task(joiner(q, "j"))
    await asyncio.sleep(0)
    print(*log, g.result(), str(q), j.done())
    log.clear()
    await j

    print("-- joiner cancelled after being woken")
    q = asyncio.Queue()
    q.put_nowait(1)
    j1 = asyncio.create_task(joiner(q, "j1"))
    j2 = asyncio.create_task(joiner(q, "j2"))
    await asyncio.sleep(0)
    q.get_nowait()
    td(q, "1")
    j1.cancel()
    await asyncio.gather(j1, j2, return_exceptions=True)
    print(*log, j1.cancelled(), j2.cancelled())

asyncio.run(main())
