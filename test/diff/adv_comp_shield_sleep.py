import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()

    print("-- shield of done futures returns them as they are")
    f = loop.create_future(); f.set_result("r")
    s = asyncio.shield(f)
    print("same object", s is f, "result", await s)
    f = loop.create_future(); f.set_exception(ValueError("e"))
    s = asyncio.shield(f)
    print("same object", s is f, "exc", repr(s.exception()))
    f = loop.create_future(); f.cancel("c")
    s = asyncio.shield(f)
    print("same object", s is f, "cancelled", s.cancelled())
    print("cancel the shield of a done future", s.cancel())
    t = asyncio.create_task(ticks(0))
    await ticks(1)
    print("done task: same object", asyncio.shield(t) is t)

    print("-- shield of a pending future: cancel the outer")
    f = loop.create_future()
    s = asyncio.shield(f)
    print("different", s is not f, "cancel", s.cancel("outer only"), "inner cancelled", f.cancelled())
    f.set_result(5)
    await ticks(1)
    print("inner result", f.result(), "outer cancelled", s.cancelled())

    print("-- shield: the inner is cancelled, the outer follows (message?)")
    f = loop.create_future()
    s = asyncio.shield(f)
    f.cancel("inner msg")
    await ticks(1)
    try:
        s.result()
    except asyncio.CancelledError as e:
        print("outer cancelled with", repr(str(e)))

    print("-- shield: the inner fails")
    f = loop.create_future()
    s = asyncio.shield(f)
    f.set_exception(KeyError("k"))
    try:
        await s
    except KeyError as e:
        print("outer raised", repr(e))

    print("-- shield of a coroutine")
    async def co():
        await ticks(1)
        return "co"
    s = asyncio.shield(co())
    print("shield of coroutine done?", s.done(), "->", await s)

    print("-- shield twice (nested)")
    f = loop.create_future()
    s1 = asyncio.shield(f)
    s2 = asyncio.shield(s1)
    s2.cancel()
    await ticks(1)
    print("s2", s2.cancelled(), "s1", s1.done(), "f", f.done())
    f.set_result("deep")
    await ticks(2)
    print("s1", s1.result())

    print("-- sleep(delay, result)")
    obj = ["identity"]
    print(await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(-1, "negative"))
    print(await asyncio.sleep(0.001, "positive"))
    print(await asyncio.sleep(0) is None)
    print((await asyncio.sleep(0, obj)) is obj, (await asyncio.sleep(0.001, obj)) is obj)
    print(await asyncio.sleep(0, None), await asyncio.sleep(0, 0), await asyncio.sleep(0, False))
    print(await asyncio.gather(asyncio.sleep(0.002, "b"), asyncio.sleep(0, "a"), asyncio.sleep(-3, "c")))

    print("-- sleep(0, result) takes exactly one iteration; negative too")
    loop.call_soon(print, "soon A")
    r = await asyncio.sleep(0, "back")
    print("after sleep(0):", r)
    loop.call_soon(print, "soon B")
    loop.call_soon(lambda: loop.call_soon(print, "soon C"))
    r = await asyncio.sleep(-0.5, "back2")
    print("after sleep(-0.5):", r)
    await ticks(1)

    print("-- cancelling sleep(0, result)")
    async def sleeper():
        try:
            return await asyncio.sleep(0, "never")
        except asyncio.CancelledError as e:
            print("sleeper cancelled", repr(str(e)))
            return "caught"
    t = asyncio.create_task(sleeper())
    await ticks(1)
    print("cancel", t.cancel("now"))
    print("sleeper ->", await t)
    t = asyncio.create_task(sleeper())
    print("cancel before start", t.cancel("early"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("sleeper cancelled before start", repr(str(e)))

asyncio.run(main())
