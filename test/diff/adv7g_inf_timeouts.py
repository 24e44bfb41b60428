# Infinite and minus-infinite timeouts across the compositions (wait, as_completed, wait_for), an
# empty as_completed with a zero timeout, a shield of a coroutine cancelled before its task ran,
# an as_completed awaitable read after its timeout fired and its future completed late, and a
# gather of one cancelled future fifty times.
import asyncio, math
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.set_result, 1)
    d, p = await asyncio.wait([f], timeout=math.inf)
    print("wait inf", len(d), len(p))
    print("as_completed empty", list(asyncio.as_completed([], timeout=0)))
    f = loop.create_future()
    loop.call_soon(f.set_result, 2)
    for aw in asyncio.as_completed([f], timeout=math.inf):
        print("ac inf", await aw)
    async def c():
        print("c runs")
        return 3
    s = asyncio.shield(c())
    print("cancel shield of coro", s.cancel())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("s", s.cancelled())
    # as_completed: timeout fires, then remaining futures complete: reading late
    f = loop.create_future()
    it = asyncio.as_completed([f], timeout=0)
    aw = next(it)
    await asyncio.sleep(0); await asyncio.sleep(0)
    f.set_result("late")
    try:
        print(await aw)
    except TimeoutError:
        print("late TimeoutError")
    try:
        next(it)
    except StopIteration:
        print("stop")
    # wait_for with timeout -inf
    f = loop.create_future()
    try:
        await asyncio.wait_for(f, -math.inf)
    except TimeoutError:
        print("-inf timeout", f.cancelled())
    d, p = await asyncio.wait([loop.create_future()], timeout=-math.inf)
    print("wait -inf", len(d), len(p))
    g = asyncio.gather(*([f] * 50))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather of 50 cancelled", repr(str(e)))
asyncio.run(main())
