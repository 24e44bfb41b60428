import asyncio

# A cancellation is pending (the task cancelled itself) when the task awaits a coroutine that
# runs to its end without suspending: the coroutine's return value arrives; the cancellation is
# delivered at the next real suspension. Same for an `async with timeout()` body with no await.


async def no_await():
    print("body runs to its end")
    return 1


async def plain():
    asyncio.current_task().cancel("self")
    r = await no_await()
    print("after await, got", r)
    await asyncio.sleep(0)
    print("not reached")


async def in_timeout():
    asyncio.current_task().cancel("self2")
    async with asyncio.timeout(10):
        r = await no_await()
    print("after the timeout block, got", r)
    await asyncio.sleep(0)
    print("not reached")


async def main():
    for f in (plain, in_timeout):
        t = asyncio.create_task(f())
        try:
            await t
        except asyncio.CancelledError as e:
            print(f.__name__, "task cancelled", repr(str(e)))


asyncio.run(main())
