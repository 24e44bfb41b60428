import asyncio


async def once():
    await asyncio.sleep(0)
    return "once"


async def main():
    c = once()
    print("first await", await c)
    try:
        await c
    except RuntimeError as e:
        print("second await raised", type(e).__name__, repr(str(e)))


asyncio.run(main())
