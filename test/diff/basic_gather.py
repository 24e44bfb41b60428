import asyncio

async def worker(name, delay, result):
    print("start", name)
    await asyncio.sleep(delay)
    print("end", name)
    return result

async def main():
    res = await asyncio.gather(worker("a", 0.15, 1), worker("b", 0.05, 2), worker("c", 0.1, "x"))
    print("results", res)
    print("task", asyncio.current_task().get_name())

asyncio.run(main())
