import asyncio


async def joiner(q, name):
    print(name, "joining")
    r = await q.join()
    print(name, "joined", r)


async def main():
    q = asyncio.Queue()
    # join on a queue with nothing unfinished returns at once
    await q.join()
    print("join on fresh queue returned")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)

    for i in range(3):
        q.put_nowait(i)
    js = [asyncio.create_task(joiner(q, f"j{i}")) for i in range(2)]
    await asyncio.sleep(0)
    for i in range(3):
        v = q.get_nowait()
        print("got", v, "done j0", js[0].done())
        q.task_done()
        await asyncio.sleep(0)
        print("after task_done", i)
    await asyncio.gather(*js)

    # task_done before get is allowed: the count is of items put
    q.put_nowait("a")
    q.put_nowait("b")
    q.task_done()
    q.task_done()
    print("joined early", await asyncio.wait_for(q.join(), 1) is None, "qsize", q.qsize())
    print([q.get_nowait(), q.get_nowait()])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)

    # a put while join waiters are being woken: they still return
    q.put_nowait(1)
    j = asyncio.create_task(joiner(q, "j3"))
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()       # sets the event: j3's future is resolved
    q.put_nowait(2)     # clears it again before j3 runs
    await asyncio.sleep(0)
    print("j3 done", j.done(), "unfinished item", q.get_nowait())
    q.task_done()

    # cancelling a join leaves the others waiting
    q.put_nowait("x")
    a = asyncio.create_task(joiner(q, "ja"))
    b = asyncio.create_task(joiner(q, "jb"))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("ja cancelled", a.cancelled(), "jb done", b.done())
    q.get_nowait()
    q.task_done()
    await b

    # workers with join: the documented pattern
    q = asyncio.Queue()
    log = []

    async def worker(name):
        while True:
            n = await q.get()
            await asyncio.sleep(0)
            log.append((name, n))
            q.task_done()

    for n in range(7):
        q.put_nowait(n)
    ws = [asyncio.create_task(worker(f"w{i}")) for i in range(3)]
    await q.join()
    print("log", log)
    for w in ws:
        w.cancel()
    print([type(r).__name__ for r in await asyncio.gather(*ws, return_exceptions=True)])


asyncio.run(main())
