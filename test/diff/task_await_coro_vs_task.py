import asyncio


async def sub(tag):
    print(tag, "starts in", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print(tag, "ends")
    return tag + "!"


async def main():
    print("main: await a coroutine")
    r = await sub("coro")
    print("main got", r)

    print("main: create a task")
    t = asyncio.create_task(sub("task"))
    print("main: task created; done", t.done())
    r = await t
    print("main got", r)

    other = asyncio.create_task(sub("other"))
    print("main: await a coroutine while another task is ready")
    r = await sub("inline")
    print("main got", r)
    await other

    c1 = sub("c1")
    c2 = sub("c2")
    print("main: coroutine objects made, nothing ran")
    t2 = asyncio.create_task(c2)
    print("main: await c1")
    print("main got", await c1, await t2)

    results = []
    for i in range(3):
        results.append(await sub(f"seq{i}"))
    print("sequential", results)


asyncio.run(main())
