import asyncio


async def c(x):
    await asyncio.sleep(0)
    return x * 3


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("future passes through", asyncio.ensure_future(f) is f)
    t = asyncio.create_task(c(1))
    print("task passes through", asyncio.ensure_future(t) is t)
    co = c(2)
    print("iscoroutine", asyncio.iscoroutine(co))
    t2 = asyncio.ensure_future(co)
    print("coroutine becomes a Task", isinstance(t2, asyncio.Task), t2.get_name(), "done", t2.done())
    print("isfuture", asyncio.isfuture(t2), asyncio.isfuture(f), asyncio.isfuture(42))
    print("results", await t, await t2)
    print("iscoroutinefunction", asyncio.iscoroutinefunction(c), asyncio.iscoroutinefunction(print))
    t3 = asyncio.ensure_future(c(3), loop=loop)
    print("with loop", t3.get_loop() is loop, await t3)
    f.set_result("f")
    print("future result", await asyncio.ensure_future(f))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("ensure_future(42) raised", type(e).__name__)


asyncio.run(main())
