import asyncio


async def main():
    q = asyncio.Queue()
    # get() and put() coroutines wrapped in tasks and gathered
    gets = asyncio.gather(q.get(), q.get(), q.get())
    await asyncio.sleep(0)
    for i in range(3):
        await q.put(i * 10)
    print("gathered", await gets)

    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("task pending", not t.done())
    q.put_nowait("via task")
    print("task result", await t)

    # wait_for on a get: times out, the getter leaves the line, the next put goes to the next getter
    async def later_get(name):
        v = await q.get()
        print(name, "got", v)

    try:
        await asyncio.wait_for(q.get(), 0.05)
    except asyncio.TimeoutError:
        print("get timed out")
    lg = asyncio.create_task(later_get("lg"))
    await asyncio.sleep(0)
    q.put_nowait("after timeout")
    await lg
    print("qsize", q.qsize())

    # wait_for on a get that succeeds before the timeout
    asyncio.get_running_loop().call_later(0.01, q.put_nowait, "soon")
    print("wait_for got", await asyncio.wait_for(q.get(), 5))

    # wait(FIRST_COMPLETED) over gets of two queues
    a, b = asyncio.Queue(), asyncio.Queue()
    ta = asyncio.create_task(a.get(), name="get-a")
    tb = asyncio.create_task(b.get(), name="get-b")
    await asyncio.sleep(0)
    b.put_nowait("from b")
    done, pending = await asyncio.wait({ta, tb}, return_when=asyncio.FIRST_COMPLETED)
    print("done", [t.get_name() for t in done], [t.result() for t in done], "pending", [t.get_name() for t in pending])
    ta.cancel()
    await asyncio.sleep(0)
    a.put_nowait("kept")
    print("a keeps its item", a.qsize(), a.get_nowait())

    # shield: cancelling the outer await does not cancel the get
    inner = asyncio.create_task(q.get())

    async def waiter():
        return await asyncio.shield(inner)

    outer = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    q.put_nowait("shielded")
    print("inner", await inner, "outer cancelled", outer.cancelled())

    # a timeout() block around a blocked put
    bq = asyncio.Queue(1)
    bq.put_nowait(0)
    try:
        async with asyncio.timeout(0.05):
            await bq.put(1)
    except TimeoutError:
        print("put timed out, qsize", bq.qsize())


asyncio.run(main())
