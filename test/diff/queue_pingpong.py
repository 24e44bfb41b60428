import asyncio


async def player_a(q1, q2, n):
    total = 0
    for i in range(n):
        print("A put", i)
        await q1.put(i)
        v = await q2.get()
        print("A got", v)
        total += v
    await q1.put(None)
    return total


async def player_b(q1, q2):
    count = 0
    while True:
        v = await q1.get()
        if v is None:
            return count
        print("B got", v)
        count += 1
        await q2.put(v * 2)
        print("B put", v * 2)


async def main():
    for maxsize in (0, 1):
        print("maxsize", maxsize)
        q1, q2 = asyncio.Queue(maxsize), asyncio.Queue(maxsize)
        a = asyncio.create_task(player_a(q1, q2, 4))
        b = asyncio.create_task(player_b(q1, q2))
        print("results", await asyncio.gather(a, b))
    # a bigger exchange: only the totals are printed
    q1, q2 = asyncio.Queue(), asyncio.Queue()

    async def quiet_a(n):
        s = 0
        for i in range(n):
            q1.put_nowait(i)
            s += await q2.get()
        return s

    async def quiet_b(n):
        for _ in range(n):
            await q2.put(await q1.get() + 1)

    print("totals", await asyncio.gather(quiet_a(5000), quiet_b(5000)))


asyncio.run(main())
