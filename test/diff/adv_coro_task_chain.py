import asyncio

it = [0]


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


async def link(name, prev, extra_sleeps):
    print(name, "starts at", it[0])
    try:
        if prev is None:
            for _ in range(extra_sleeps):
                await asyncio.sleep(0)
            v = 0
        else:
            v = await prev
        print(name, "got", v, "at", it[0])
        for _ in range(extra_sleeps if prev is not None else 0):
            await asyncio.sleep(0)
        return v + 1
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)), "at", it[0], "cancelling", asyncio.current_task().cancelling())
        raise


async def fan_in(name, target):
    v = await target
    print(name, "woke with", v, "at", it[0])
    return name


async def main():
    stop = asyncio.get_running_loop().create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== chain of 6 tasks, each awaiting the previous one")
    tasks = []
    prev = None
    for i in range(6):
        prev = asyncio.create_task(link("c%d" % i, prev, 1 if i % 2 == 0 else 0))
        tasks.append(prev)
    print("last ->", await tasks[-1], "at", it[0])

    print("== chain created from the end: each task awaits one created after it")
    futs = [asyncio.get_running_loop().create_future() for _ in range(5)]

    async def waits_for(name, i):
        t = await futs[i]
        print(name, "has its task at", it[0])
        v = await t
        print(name, "got", v, "at", it[0])
        return v * 10

    holders = [asyncio.create_task(waits_for("r%d" % i, i)) for i in range(4)]
    base = asyncio.create_task(link("r-base", None, 2))
    futs[3].set_result(base)
    for i in range(3):
        futs[i].set_result(holders[i + 1])
    print("r0 ->", await holders[0], "at", it[0])

    print("== many tasks awaiting one task: woken in the order they started waiting")
    target = asyncio.create_task(link("target", None, 2))
    fans = [asyncio.create_task(fan_in("f%d" % i, target)) for i in (3, 1, 4, 0, 2)]
    print("fans ->", await asyncio.gather(*fans), "at", it[0])

    print("== cancel the last task of a chain of 5")
    tasks = []
    prev = None
    for i in range(5):
        prev = asyncio.create_task(link("k%d" % i, prev, 3))
        tasks.append(prev)
    await asyncio.sleep(0)
    print("cancel k4 ->", tasks[-1].cancel("from the top"), [t.cancelling() for t in tasks])
    try:
        await tasks[-1]
    except asyncio.CancelledError as e:
        print("k4 raised", repr(str(e)), "at", it[0])
    print("states", [t.cancelled() for t in tasks], [t.cancelling() for t in tasks])

    print("== cancel the middle task of a chain of 5")
    tasks = []
    prev = None
    for i in range(5):
        prev = asyncio.create_task(link("m%d" % i, prev, 3))
        tasks.append(prev)
    await asyncio.sleep(0)
    print("cancel m2 ->", tasks[2].cancel("middle"), [t.cancelling() for t in tasks])
    try:
        await tasks[-1]
    except asyncio.CancelledError as e:
        print("m4 raised", repr(str(e)), "at", it[0])
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("states", [t.cancelled() for t in tasks], [t.done() for t in tasks], [t.cancelling() for t in tasks])

    stop.set_result(None)
    await ck


asyncio.run(main())
