import asyncio
import types


@types.coroutine
def bare_yield():
    yield


async def worker(name, n):
    print(name, "start")
    for i in range(n):
        await asyncio.sleep(0)
        print(name, "after sleep(0)", i)
    print(name, "done")
    return name


async def yielder(name, n):
    print(name, "start")
    for i in range(n):
        await bare_yield()
        print(name, "after bare yield", i)
    return name.upper()


async def main():
    ta = asyncio.create_task(worker("a", 3))
    tb = asyncio.create_task(worker("b", 2))
    print("main after creating a, b")
    tc = asyncio.create_task(worker("c", 1))
    print("main after creating c")
    await asyncio.sleep(0)
    print("main after sleep(0) #1")
    td = asyncio.create_task(worker("d", 1))
    await asyncio.sleep(0)
    print("main after sleep(0) #2")
    res = [await ta, await tb, await tc, await td]
    print("results", res)

    ty = asyncio.create_task(yielder("y", 2))
    tz = asyncio.create_task(yielder("z", 3))
    await bare_yield()
    print("main after bare yield")
    print("results", await ty, await tz)

    print("end")


asyncio.run(main())
