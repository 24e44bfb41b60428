import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("f")
    it = asyncio.as_completed([f])
    for aw in it:
        print("first pass", await aw)
    n = 0
    for aw in it:
        n += 1
        try:
            print("second pass", await asyncio.wait_for(aw, 0.05))
        except TimeoutError:
            print("second pass: awaiting the extra coroutine hangs (timed out)")
    print("second pass yielded", n)

asyncio.run(main())
