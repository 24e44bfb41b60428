import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- reschedule(None) disables the deadline")
    async with asyncio.timeout(0.01) as cm:
        print("when set", cm.when() is not None)
        cm.reschedule(None)
        print("when", cm.when(), "repr", repr(cm))
        await asyncio.sleep(0.03)
    print("survived; expired", cm.expired(), repr(cm))

    print("-- reschedule into the past: fires on the next iteration")
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() - 100)
            loop.call_soon(print, "soon scheduled after the reschedule")
            print("still running, expired", cm.expired())
            await ticks(5)
            print("not reached")
    except TimeoutError as e:
        print("TimeoutError", repr(str(e)), "cause", type(e.__cause__).__name__, "expired", cm.expired(), repr(cm))
    print("cancelling after", me.cancelling())

    print("-- reschedule into the past without awaiting afterwards: no timeout")
    async with asyncio.timeout(10) as cm:
        cm.reschedule(loop.time() - 1)
        x = 1 + 1
    print("no await: expired", cm.expired(), repr(cm))
    await ticks(2)
    print("task not cancelled afterwards", me.cancelling())

    print("-- reschedule after exit / after expiry")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))
    try:
        async with asyncio.timeout(0) as cm2:
            await ticks(1)
    except TimeoutError:
        print("timeout(0) expired", cm2.expired())
    try:
        cm2.reschedule(loop.time() + 1)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))

    print("-- reschedule while expiring (the body caught the cancellation)")
    try:
        async with asyncio.timeout(0) as cm3:
            try:
                await ticks(3)
            except asyncio.CancelledError:
                print("body caught, expired", cm3.expired())
                try:
                    cm3.reschedule(None)
                except RuntimeError as e:
                    print("RuntimeError", repr(str(e)))
                raise
    except TimeoutError:
        print("TimeoutError after all")

    print("-- body swallows the timeout's cancellation")
    async with asyncio.timeout(0) as cm4:
        try:
            await ticks(3)
        except asyncio.CancelledError:
            print("swallowed")
        await ticks(1)
        print("body goes on, cancelling", me.cancelling())
    print("exited quietly, expired", cm4.expired(), "cancelling", me.cancelling())

    print("-- timeout_at with a past deadline")
    try:
        async with asyncio.timeout_at(loop.time() - 5) as cm5:
            print("entered, when in the past", cm5.when() < loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at past: TimeoutError", cm5.expired())

    print("-- timeout_at(None) and timeout(-1) without awaiting")
    async with asyncio.timeout_at(None) as cm6:
        await ticks(1)
    print("None:", cm6.when(), cm6.expired())
    async with asyncio.timeout(-1) as cm7:
        pass
    print("-1 no await:", cm7.expired())

    print("-- reschedule earlier then later: only the latest counts")
    async with asyncio.timeout(None) as cm8:
        cm8.reschedule(loop.time() - 1)
        cm8.reschedule(loop.time() + 10)
        await ticks(3)
        print("survived earlier reschedule")
    print("expired", cm8.expired())

    print("-- timeout expires while the task is also cancelled from outside")
    async def victim():
        async with asyncio.timeout(0) as cm:
            asyncio.current_task().cancel("outside")
            await ticks(2)
    t = asyncio.create_task(victim())
    try:
        await t
    except asyncio.CancelledError as e:
        print("victim cancelled", repr(str(e)), t.cancelled())
    except TimeoutError:
        print("victim TimeoutError")

    print("-- nested: inner reschedule(None), outer expires")
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(0.005) as inner:
                    inner.reschedule(None)
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner TimeoutError?!")
            print("not reached")
    except TimeoutError:
        print("outer TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired())

    print("-- nested: both expire in the same iteration")
    for order in ("inner first", "outer first"):
        try:
            async with asyncio.timeout(None) as outer:
                try:
                    async with asyncio.timeout(None) as inner:
                        if order == "inner first":
                            inner.reschedule(loop.time() - 1)
                            outer.reschedule(loop.time() - 1)
                        else:
                            outer.reschedule(loop.time() - 1)
                            inner.reschedule(loop.time() - 1)
                        await ticks(3)
                except TimeoutError:
                    print(order, "inner TimeoutError")
                except asyncio.CancelledError:
                    print(order, "inner let CancelledError through, cancelling", me.cancelling())
                    raise
        except TimeoutError:
            print(order, "outer TimeoutError; expired", inner.expired(), outer.expired(), "cancelling", me.cancelling())

asyncio.run(main())
