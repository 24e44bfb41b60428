import asyncio


class AppError(Exception):
    pass


async def level3(x):
    await asyncio.sleep(0)
    if x < 0:
        raise AppError(f"negative {x}")
    return x * 2


async def level2(x):
    try:
        v = await level3(x)
        print("level2 got", v)
        return v + 1
    finally:
        print("level2 finally", x)


async def level1(x):
    try:
        return await level2(x) * 10
    except AppError as e:
        print("level1 caught", type(e).__name__, str(e))
        raise ValueError(f"wrapped: {e}") from e


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
        if n % 10 == 0:
            print("unwinding", n)


async def main():
    print("level1(3) ->", await level1(3))
    try:
        await level1(-1)
    except ValueError as e:
        print("main caught", type(e).__name__, str(e), "cause", type(e.__cause__).__name__, str(e.__cause__))
    t = asyncio.create_task(level1(-2))
    try:
        await t
    except ValueError as e:
        print("task raised", str(e), "task exception is it", t.exception() is e)
    print("depth(8) ->", await depth(8))
    try:
        await raiser(10)
    except AppError as e:
        print("deep raise caught", str(e))
    r = await asyncio.gather(level1(1), depth(5), level1(4))
    print("gather of nested", r)


asyncio.run(main())
