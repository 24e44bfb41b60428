import asyncio


class AppError(Exception):
    pass


async def depth(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await depth(n - 1)


async def raiser(n):
    if n == 0:
        await asyncio.sleep(0)
        raise AppError("from the bottom")
    try:
        return await raiser(n - 1)
    finally:
        if n % 25 == 0:
            print("unwinding", n)


async def ticker(log):
    for i in range(3):
        log.append(i)
        await asyncio.sleep(0)


async def main():
    print("depth(200) ->", await depth(200))
    log = []
    t = asyncio.create_task(ticker(log))
    await t
    print("after the deep await, tasks still run", log, t.done())
    try:
        await raiser(100)
    except AppError as e:
        print("deep raise caught", str(e))
    print("gather", await asyncio.gather(depth(50), depth(60)))
    t = asyncio.create_task(depth(100))
    print("task result", await t)


asyncio.run(main())
