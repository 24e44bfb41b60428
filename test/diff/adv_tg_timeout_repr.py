import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- repr of an active timeout at fixed deadlines (no await in between)")
    async with asyncio.timeout_at(None) as cm:
        print("none", repr(cm), cm.when(), cm.expired())
        for label, w in [("12345.0", 12345.0), ("0.5", 0.5), ("1.0625", 1.0625), ("1.1875", 1.1875),
                         ("-1.0625", -1.0625), ("2.0005", 2.0005), ("123.4567", 123.4567),
                         ("-0.0001", -0.0001), ("0.0004", 0.0004), ("1e17", 1e17), ("1.5e16", 1.5e16),
                         ("1e22", 1e22), ("0.1+0.2", 0.1 + 0.2), ("inf", float("inf")), ("-inf", float("-inf"))]:
            cm.reschedule(w)
            print("at", label, repr(cm), "when kept", cm.when() == w, "expired", cm.expired())
        cm.reschedule(None)
    print("after", repr(cm), cm.when(), cm.expired())

    print("-- when() keeps the last deadline after exit")
    async with asyncio.timeout_at(None) as cm:
        cm.reschedule(42.25)
        cm.reschedule(None)
        cm.reschedule(7.5)
        cm.reschedule(loop.time() + 100)
        cm.reschedule(9999.5)
    print("exited", repr(cm), cm.when() == 9999.5, cm.expired())

    print("-- timeout(delay): when() is loop.time() + delay at entry")
    t0 = loop.time()
    async with asyncio.timeout(5) as cm:
        d = cm.when() - t0
        print("delta ok", 5 <= d < 5.5)
    print(repr(cm))

    print("-- reprs through expiry")
    try:
        async with asyncio.timeout(0) as cm:
            print("entered", repr(cm).startswith("<Timeout [active] when="), cm.expired())
            try:
                await ticks(2)
            except asyncio.CancelledError as e:
                print("caught", repr(str(e)), repr(cm), cm.expired(), "cancelling", me.cancelling())
                raise
    except TimeoutError as e:
        print("TimeoutError", repr(cm), cm.expired(), "cancelling", me.cancelling())
    w = cm.when()
    print("when kept", w is not None and w <= loop.time())

    print("-- infinite deadline: never fires")
    async with asyncio.timeout(float("inf")) as cm:
        print(repr(cm))
        await asyncio.sleep(0.01)
        await ticks(2)
    print("inf exited", repr(cm), cm.expired(), cm.when() == float("inf"))

    print("-- minus infinite deadline: fires on the next iteration")
    try:
        async with asyncio.timeout_at(float("-inf")) as cm:
            print(repr(cm))
            await ticks(3)
            print("not reached")
    except TimeoutError:
        print("-inf TimeoutError", repr(cm), cm.when() == float("-inf"))

    print("-- reschedule to the same past deadline twice, then to the future")
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() - 1)
        cm.reschedule(loop.time() - 1)
        cm.reschedule(loop.time() + 100)
        await ticks(3)
        print("survived", cm.expired())
    print("cancelling", me.cancelling())

    print("-- expiry while the body catches it and finishes normally")
    async with asyncio.timeout(0) as cm:
        try:
            await ticks(2)
        except asyncio.CancelledError:
            print("swallowed", repr(cm))
        print("body ends", repr(cm), "cancelling", me.cancelling())
    print("no error", repr(cm), cm.expired(), "cancelling", me.cancelling())

    print("-- reschedule errors name the state")
    for c in [cm]:
        try:
            c.reschedule(1.0)
        except RuntimeError as e:
            print("RuntimeError", repr(str(e)))
    async with asyncio.timeout(1) as cm2:
        pass
    try:
        cm2.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))
    cm3 = asyncio.Timeout(loop.time() + 1)
    print("created", repr(cm3), "expired", cm3.expired())
    try:
        cm3.reschedule(2.0)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))

asyncio.run(main())
