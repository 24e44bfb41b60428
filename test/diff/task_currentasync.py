import asyncio


async def inner(tag):
    t = asyncio.current_task()
    await asyncio.sleep(0)
    return tag, t.get_name(), asyncio.current_task() is t


async def child():
    me = asyncio.current_task()
    print("child sees", me.get_name())
    await asyncio.sleep(0)
    print("child after await sees", asyncio.current_task().get_name())
    print("child inner coroutine", await inner("nested"))
    return me.get_name()


def callback(tag):
    print("callback", tag, "sees", asyncio.current_task())


async def main():
    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    print("main is", main_task.get_name())
    loop.call_soon(callback, "call_soon")
    c = asyncio.create_task(child(), name="kid")
    c.add_done_callback(lambda f: callback("done-callback"))
    kid = await c
    print("child returned its name", kid == c.get_name())
    print("main still current", asyncio.current_task() is main_task)
    print("inner awaited by main", await inner("direct"))
    results = await asyncio.gather(inner("g1"), inner("g2"))
    print("gather children", [(tag, name.startswith("Task-"), same) for tag, name, same in results])
    loop.call_later(0.005, callback, "call_later")
    await asyncio.sleep(0.01)
    print("current_task(loop)", asyncio.current_task(loop) is main_task)


asyncio.run(main())
