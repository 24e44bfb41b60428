import asyncio

async def main():
    loop = asyncio.get_running_loop()

    print("-- body completes in time")
    async with asyncio.timeout(10) as tm:
        print("in body; deadline in the future", tm.when() > loop.time())
        await asyncio.sleep(0.002)
        result = "fast"
    print("result", result, "expired", tm.expired(), repr(tm))

    print("-- body times out")
    try:
        async with asyncio.timeout(0.005) as tm:
            try:
                print("body sleeps")
                await asyncio.sleep(10)
                print("not reached")
            except asyncio.CancelledError:
                print("body sees CancelledError")
                raise
            finally:
                print("body cleanup, expired", tm.expired())
    except TimeoutError as e:
        print("caught", type(e).__name__, repr(str(e)), "cause", type(e.__cause__).__name__)
    print("expired", tm.expired(), repr(tm))
    print("task cancelling", asyncio.current_task().cancelling())

    print("-- timeout None")
    async with asyncio.timeout(None) as tm:
        print("when", tm.when())
        await asyncio.sleep(0.002)
    print("expired", tm.expired(), repr(tm))

    print("-- body swallows the cancellation")
    async with asyncio.timeout(0.005) as tm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("swallowed")
        result = "recovered"
    print("result", result, "expired", tm.expired(), repr(tm))
    print("task cancelling", asyncio.current_task().cancelling())

    print("-- body raises its own error after expiry")
    try:
        async with asyncio.timeout(0.005) as tm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                raise ValueError("replaced")
    except ValueError as e:
        print("caught", type(e).__name__, str(e), "expired", tm.expired())

    print("-- body raises before the deadline")
    try:
        async with asyncio.timeout(10) as tm:
            await asyncio.sleep(0.001)
            raise ValueError("early")
    except ValueError as e:
        print("caught", type(e).__name__, str(e), "expired", tm.expired(), repr(tm))

    print("-- reschedule after exit")
    try:
        tm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError", str(e))

    print("-- the timed-out task keeps working afterwards")
    await asyncio.sleep(0.001)
    print("still alive")

asyncio.run(main())
