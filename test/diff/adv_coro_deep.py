import asyncio

ticks = [0]


async def ticker(stop):
    while not stop.done():
        ticks[0] += 1
        await asyncio.sleep(0)


async def depth(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await depth(n - 1)


async def zigzag(n):
    # suspends on the way down and on the way up at every 100th level
    if n % 100 == 0:
        await asyncio.sleep(0)
    if n == 0:
        return [0]
    r = await zigzag(n - 1)
    if n % 100 == 0:
        await asyncio.sleep(0)
        r.append(n)
    return r


async def raiser(n):
    if n == 0:
        await asyncio.sleep(0)
        raise KeyError("deep")
    try:
        return await raiser(n - 1)
    except KeyError as e:
        if n % 100 == 0:
            print("level", n, "sees", repr(str(e)))
        raise
    finally:
        if n % 125 == 0:
            print("finally", n)


async def cancellable(n, seen):
    if n == 0:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("bottom cancelled", repr(str(e)), asyncio.current_task().cancelling())
            raise
    try:
        return await cancellable(n - 1, seen)
    except asyncio.CancelledError:
        seen.append(n)
        if n == 250:
            print("level 250 swallows, awaits, and returns")
            await asyncio.sleep(0)
            return "swallowed at 250"
        raise


async def main():
    stop = asyncio.get_running_loop().create_future()
    tk = asyncio.create_task(ticker(stop))
    print("depth(500) ->", await depth(500), "ticks", ticks[0])
    r = await zigzag(500)
    print("zigzag(500) ->", r, "ticks", ticks[0])
    try:
        await raiser(500)
    except KeyError as e:
        print("raiser(500) ->", repr(str(e)), "ticks", ticks[0])
    seen = []
    t = asyncio.create_task(cancellable(500, seen))
    await asyncio.sleep(0)
    t.cancel("deep cancel")
    r = await t
    print("cancellable(500) ->", repr(r), "levels that saw it", len(seen), seen[0], seen[-1], "ticks", ticks[0])
    print("cancelled", t.cancelled(), "cancelling", t.cancelling())
    seen = []
    t = asyncio.create_task(cancellable(200, seen))
    await asyncio.sleep(0)
    t.cancel("all the way")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancellable(200) raised", repr(str(e)), "levels", len(seen))
    g = await asyncio.gather(depth(300), zigzag(300), depth(400))
    print("gather ->", g[0], g[1], g[2], "ticks", ticks[0])
    stop.set_result(None)
    await tk


asyncio.run(main())
