import asyncio

async def main():
    loop = asyncio.get_running_loop()

    print("-- the inner timeout expires, the outer does not")
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(0.005) as inner:
                await asyncio.sleep(10)
                print("not reached")
        except TimeoutError:
            print("inner TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired())
        await asyncio.sleep(0.001)
        print("outer body continues")
    print("outer", repr(outer), "inner", repr(inner))

    print("-- the outer timeout expires first")
    try:
        async with asyncio.timeout(0.005) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print("wrongly caught by the inner level")
            except asyncio.CancelledError:
                print("inner level sees CancelledError")
                raise
    except TimeoutError:
        print("outer TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired())
    print("cancelling", asyncio.current_task().cancelling())

    print("-- both expire at the first suspension: the outer one owns it")
    try:
        async with asyncio.timeout(0) as outer:
            try:
                async with asyncio.timeout(0) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print("inner TimeoutError")
            except asyncio.CancelledError:
                print("inner level sees CancelledError")
                raise
            print("after the inner block")
            await asyncio.sleep(10)
    except TimeoutError:
        print("outer TimeoutError", inner.expired(), outer.expired())
    print("cancelling", asyncio.current_task().cancelling())

    print("-- a real cancellation inside a timeout stays a CancelledError")
    async def victim():
        try:
            async with asyncio.timeout(10) as tm:
                await asyncio.sleep(10)
        except TimeoutError:
            print("victim: TimeoutError (wrong)")
        except asyncio.CancelledError:
            print("victim: CancelledError, expired", tm.expired())
            raise
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("victim cancelled", t.cancelled())

    print("-- wait_for inside a timeout")
    async def slow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("slow cancelled")
            raise
    async with asyncio.timeout(10) as tm:
        try:
            await asyncio.wait_for(slow(), 0.005)
        except TimeoutError:
            print("wait_for TimeoutError; timeout expired", tm.expired())
    try:
        async with asyncio.timeout(0.005) as tm:
            await asyncio.wait_for(slow(), 10)
    except TimeoutError:
        print("timeout TimeoutError; expired", tm.expired())

asyncio.run(main())
