import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def inner(name, mode="raise"):
    print("inner start", name)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inner cancelled", name, repr(str(e)))
        if mode == "swallow":
            return "swallowed-" + name
        if mode == "slow":
            await ticks(3)
            print("inner slow cleanup done", name)
            return "late-" + name
        raise
    return name

async def outer(name, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        print("outer", name, "got", repr(r))
        return r
    except TimeoutError:
        print("outer", name, "TimeoutError")
        raise
    except asyncio.CancelledError as e:
        print("outer", name, "CancelledError", repr(str(e)))
        raise

def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return "result " + repr(t.result())

async def main():
    loop = asyncio.get_running_loop()

    print("-- the future completes and the outer task is cancelled in the same iteration")
    f = loop.create_future()
    t = asyncio.create_task(outer("o1", f, 10))
    await ticks(1)
    f.set_result("won")
    print("cancel", t.cancel("late cancel"))
    await ticks(2)
    print("o1:", state(t), "cancelling", t.cancelling())

    print("-- outer cancelled, inner swallows the cancellation")
    it = asyncio.create_task(inner("i2", "swallow"))
    t = asyncio.create_task(outer("o2", it, 10))
    await ticks(2)
    t.cancel("stop")
    await ticks(3)
    print("o2 after 3 ticks:", state(t))
    await ticks(2)
    print("o2:", state(t), "inner:", state(it))

    print("-- timeout, then outer cancelled during the inner's slow cleanup")
    it = asyncio.create_task(inner("i3", "slow"))
    t = asyncio.create_task(outer("o3", it, 0))
    await ticks(2)
    print("inner done?", it.done(), "outer done?", t.done())
    t.cancel("interrupt")
    await ticks(1)
    print("o3:", state(t), "inner done?", it.done())
    await ticks(4)
    print("inner:", state(it))

    print("-- inner is a shielded task: timeout cancels only the shield")
    it = asyncio.create_task(inner("i4"))
    t = asyncio.create_task(outer("o4", asyncio.shield(it), 0.01))
    try:
        await t
    except TimeoutError:
        pass
    print("o4:", state(t), "inner done?", it.done())
    it.cancel()
    await ticks(2)
    print("inner:", state(it))

    print("-- waiting on the same task twice with different timeouts")
    it = asyncio.create_task(inner("i5", "swallow"))
    a = asyncio.create_task(outer("a5", it, 0.01))
    b = asyncio.create_task(outer("b5", it, 10))
    await asyncio.wait([a, b])
    print("a5:", state(a), "b5:", state(b), "inner:", state(it))

asyncio.run(main())
