import asyncio

async def main():
    loop = asyncio.get_running_loop()

    print("-- timeout_at in time")
    async with asyncio.timeout_at(loop.time() + 10) as tm:
        await asyncio.sleep(0.002)
        r = "in time"
    print(r, tm.expired())

    print("-- timeout_at expires")
    try:
        async with asyncio.timeout_at(loop.time() + 0.005) as tm:
            try:
                await asyncio.sleep(10)
            finally:
                print("cleanup")
    except TimeoutError:
        print("TimeoutError", tm.expired())

    print("-- timeout_at None")
    async with asyncio.timeout_at(None) as tm:
        print("when", tm.when())
        await asyncio.sleep(0.001)
    print("expired", tm.expired())

    print("-- timeout_at in the past")
    try:
        async with asyncio.timeout_at(loop.time() - 1) as tm:
            print("body starts")
            await asyncio.sleep(10)
            print("not reached")
    except TimeoutError:
        print("TimeoutError", tm.expired())

    print("-- timeout 0 and negative: expires at the first suspension")
    for d in (0, -1):
        try:
            async with asyncio.timeout(d) as tm:
                print("body starts", d)
                await asyncio.sleep(10)
                print("not reached")
        except TimeoutError:
            print("TimeoutError", d, tm.expired())

    print("-- timeout 0 with a body that never suspends")
    async with asyncio.timeout(0) as tm:
        value = 1 + 1
    print("value", value, "expired", tm.expired(), repr(tm))

    print("-- a zero timeout fires after an already-ready callback")
    loop.call_soon(print, "ready callback")
    try:
        async with asyncio.timeout(0) as tm:
            await asyncio.sleep(0)
            print("after sleep(0)?")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("TimeoutError")

    print("-- the deadline is fixed when timeout() is entered")
    async with asyncio.timeout(10) as tm:
        w1 = tm.when()
        await asyncio.sleep(0.001)
        print("when unchanged", tm.when() == w1)

asyncio.run(main())
