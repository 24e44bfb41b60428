import asyncio

# current_task() and cancellation counts inside a coroutine awaited from a coroutine awaited from
# a task: all of it runs in the one task. (aionode twin: a generator task awaits an async
# function, which awaits a generator coroutine: aionode runs each as an inline task.)


class Boom(Exception):
    pass


async def boom():
    await asyncio.sleep(0)
    raise Boom("b")


async def innermost(main):
    me = asyncio.current_task()
    print("innermost: current task is the task", me is main, me.get_name())
    return "ok"


async def middle(main):
    print("middle: current task is the task", asyncio.current_task() is main)
    return await innermost(main)


async def with_timeout(main):
    try:
        async with asyncio.timeout(0):
            print("timeout body: cancelling before", main.cancelling())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("timeout body cancelled, task cancelling", main.cancelling())
                raise
    except TimeoutError:
        print("TimeoutError, cancelling", main.cancelling())
    return "t"


async def with_group(main):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom())
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("group body cancelled, task cancelling", main.cancelling())
            raise


async def task_body():
    main = asyncio.current_task()
    print("result", await middle(main))
    print("result", await with_timeout(main))
    try:
        await with_group(main)
    except* Boom as eg:
        print("ExceptionGroup", [str(e) for e in eg.exceptions], "cancelling", main.cancelling())


async def main():
    t = asyncio.create_task(task_body(), name="worker")
    await t


asyncio.run(main())
