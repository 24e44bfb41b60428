import asyncio


async def child():
    await asyncio.sleep(0)
    return "child"


async def returns_task(t):
    await asyncio.sleep(0)
    return t


async def returns_none():
    await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    co = child()
    t = asyncio.create_task(co)
    print("get_loop is the loop", t.get_loop() is loop)
    print("Task is a Future", isinstance(t, asyncio.Future), asyncio.isfuture(t))
    print("pending", t.done(), t.cancelled())
    await t
    print("finished", t.done(), t.cancelled(), t.result())

    # a coroutine returning a task returns the task object itself, not its result
    inner = asyncio.create_task(child())
    outer = asyncio.create_task(returns_task(inner))
    r = await outer
    print("outer returned the task object", r is inner, "inner done", inner.done())
    print("inner result via the returned task", await r)

    t = asyncio.create_task(returns_none())
    print("None result", await t, t.result(), t.exception())

    f = loop.create_future()
    print("future get_loop", f.get_loop() is loop)
    print("create_future is a Future", isinstance(f, asyncio.Future), isinstance(f, asyncio.Task))
    f.cancel()


asyncio.run(main())
