import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()

    print("-- as_completed with a timeout: done ones first, then TimeoutError")
    fast = loop.create_future()
    slow = loop.create_future()
    never = loop.create_future()
    loop.call_later(0.01, fast.set_result, "fast")
    loop.call_later(0.5, slow.set_result, "slow")
    it = asyncio.as_completed([never, fast, slow], timeout=0.15)
    n = 0
    for aw in it:
        n += 1
        try:
            r = await aw
            print("got", n, repr(r))
        except TimeoutError as e:
            print("timeout", n, type(e).__name__, repr(e), repr(str(e)))
    print("left:", "slow done", slow.done(), "never done", never.done(), "never cancelled", never.cancelled())
    slow.cancel()

    print("-- as_completed over already-done futures (one done, one failed)")
    d1 = loop.create_future(); d1.set_result("d1")
    for aw in asyncio.as_completed([d1]):
        print("got", await aw)
    d2 = loop.create_future(); d2.set_exception(ValueError("bad"))
    for aw in asyncio.as_completed([d2]):
        try:
            await aw
        except ValueError as e:
            print("raised", repr(e))

    print("-- a done future and a pending one: the done one comes first")
    d3 = loop.create_future(); d3.set_result("d3")
    p3 = loop.create_future()
    loop.call_soon(p3.set_result, "p3")
    for aw in asyncio.as_completed([p3, d3]):
        print("got", await aw)

    print("-- duplicates are collapsed")
    d4 = loop.create_future(); d4.set_result("d4")
    count = 0
    for aw in asyncio.as_completed([d4, d4, d4]):
        count += 1
        print("got", await aw)
    print("count", count)

    print("-- timeout=0 with all inputs already done")
    d5 = loop.create_future(); d5.set_result("d5")
    for aw in asyncio.as_completed([d5], timeout=0):
        try:
            print("got", await aw)
        except TimeoutError:
            print("timeout")

    print("-- timeout=0 with a pending input")
    p6 = loop.create_future()
    for aw in asyncio.as_completed([p6], timeout=0):
        try:
            print("got", await aw)
        except TimeoutError:
            print("timeout")
    p6.set_result("late")
    print("p6 still usable", p6.result())

    print("-- a cancelled input")
    c7 = loop.create_future()
    loop.call_soon(c7.cancel, "gone")
    for aw in asyncio.as_completed([c7]):
        try:
            await aw
        except asyncio.CancelledError as e:
            print("cancelled", repr(str(e)))

    print("-- coroutines are wrapped in tasks")
    async def co(v, n):
        await ticks(n)
        return v
    res = []
    for aw in asyncio.as_completed([co("late", 3), co("early", 1)]):
        res.append(await aw)
    print("res", res)

    print("-- awaiting the coroutines out of order, concurrently")
    f8 = loop.create_future()
    g8 = loop.create_future()
    aws = list(asyncio.as_completed([f8, g8]))
    t_second = asyncio.create_task(aws[1])
    t_first = asyncio.create_task(aws[0])
    await ticks(1)
    g8.set_result("g8")
    await ticks(1)
    f8.set_result("f8")
    print("second coroutine got", await t_second, "first got", await t_first)

asyncio.run(main())
