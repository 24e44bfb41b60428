import asyncio

# TaskGroup.create_task(coro, name=...) in 3.11 creates the task unnamed (taking the next Task-N
# number) and then renames it, exactly as asyncio.create_task(coro, name=...) does.
async def noop():
    pass

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(noop())
        b = tg.create_task(noop(), name="named")
        c = tg.create_task(noop())
    print([t.get_name() for t in (a, b, c)])
    d = asyncio.create_task(noop(), name="named-d")
    e = asyncio.create_task(noop())
    print([t.get_name() for t in (d, e)])
    await asyncio.gather(d, e)

asyncio.run(main())
