import asyncio

# The messages embed Python reprs of the task/future, which differ by design: print the fixed parts.


async def await_self():
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("self await raised", type(e).__name__, str(e).split(":")[0])
        raise


async def await_self_caught():
    try:
        await asyncio.current_task()
    except RuntimeError:
        print("caught; going on")
    await asyncio.sleep(0)
    return "recovered"


async def main():
    t = asyncio.create_task(await_self())
    try:
        await t
    except RuntimeError as e:
        print("task failed with", type(e).__name__, "done", t.done(), "cancelled", t.cancelled())

    print("caught version ->", await asyncio.create_task(await_self_caught()))


asyncio.run(main())
