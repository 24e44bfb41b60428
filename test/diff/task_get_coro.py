import asyncio


async def child(x):
    await asyncio.sleep(0)
    return x


async def main():
    co = child(1)
    t = asyncio.create_task(co)
    print("get_coro is the coroutine passed", t.get_coro() is co)
    await t
    print("still after completion", t.get_coro() is co)
    co2 = child(2)
    t2 = asyncio.ensure_future(co2)
    print("ensure_future task too", t2.get_coro() is co2)
    await t2


asyncio.run(main())
