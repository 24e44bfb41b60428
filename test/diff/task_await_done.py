import asyncio

log = []


async def other():
    log.append("other ran")


async def instant(x):
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    t = asyncio.create_task(instant(5))
    await asyncio.sleep(0)
    print("t done", t.done())

    o = asyncio.create_task(other())
    print("await done future ->", await f, log)
    print("await done task ->", await t, log)
    print("await instant coroutine ->", await instant(4), log)
    print("await done future again ->", await f, log)
    await asyncio.sleep(0)
    print("after sleep(0)", log, o.done())


asyncio.run(main())
