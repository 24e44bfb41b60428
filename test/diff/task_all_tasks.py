import asyncio


def names():
    return sorted(t.get_name() for t in asyncio.all_tasks())


async def sleeper(d):
    await asyncio.sleep(d)
    return d


async def gated(gate):
    return await gate


async def reporter():
    print("reporter sees", names())


async def main():
    loop = asyncio.get_running_loop()
    print("start", names())
    a = loop.create_task(sleeper(0.01), name="a")
    gate = loop.create_future()
    b = loop.create_task(gated(gate), name="b")
    print("created, not started", names())
    await asyncio.sleep(0)
    print("started", names())
    await asyncio.sleep(0.02)
    print("a finished", names(), a.done())
    await loop.create_task(reporter(), name="reporter")
    gate.set_result("open")
    await b
    print("b finished", names())

    c = loop.create_task(sleeper(1), name="c")
    await asyncio.sleep(0)
    print("cancel c", c.cancel())
    print("c still listed until its step", names())
    await asyncio.sleep(0)
    print("c gone", names(), c.cancelled())

    d = loop.create_task(sleeper(1), name="d")
    d.cancel()
    print("d cancelled before start, listed", names())
    await asyncio.sleep(0)
    print("d gone", names())

    g = asyncio.gather(sleeper(0.001), sleeper(0.002))
    print("gather children listed", len(asyncio.all_tasks()))
    await g
    print("after gather", names())
    print("all_tasks(loop)", sorted(t.get_name() for t in asyncio.all_tasks(loop)))


asyncio.run(main())
