import asyncio

# Python 3.11's asyncio.create_task(coro, name=...) creates the task unnamed (taking the next
# Task-N number) and renames it; loop.create_task(coro, name=...) takes no number.


async def noop():
    await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="named-b")
    c = asyncio.create_task(noop())
    d = loop.create_task(noop(), name="named-d")
    e = loop.create_task(noop())
    print([t.get_name() for t in (a, b, c, d, e)])
    await asyncio.gather(a, b, c, d, e)


asyncio.run(main())
