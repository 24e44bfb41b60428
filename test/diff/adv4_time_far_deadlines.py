import asyncio
import time
import warnings

# Deadlines further away than setTimeout's 32-bit millisecond range (about 24.9 days), and
# infinite ones, while the loop has nothing else to wait for: the loop sleeps until something
# from outside (here a worker thread finishing) wakes it. Nothing fires, nothing is reported, no
# runtime warning is issued.
INF = float("inf")
DAY = 86400.0


async def outside(ms, value):
    # something from outside the loop: a worker thread that finishes after `ms` milliseconds
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, ms / 1000)
    return value


async def main():
    loop = asyncio.get_running_loop()
    fired = []

    print("-- call_later(30 days) and call_at(inf), then an outside wake-up")
    h1 = loop.call_later(30 * DAY, fired.append, "30d")
    h2 = loop.call_at(INF, fired.append, "inf")
    print(await outside(30, "woken 1"), fired)
    h1.cancel()
    h2.cancel()

    print("-- wait_for(outside, 40 days)")
    print(await asyncio.wait_for(outside(20, "woken 2"), 40 * DAY))

    print("-- timeout(25 days) and timeout(inf) around an outside wait")
    async with asyncio.timeout(25 * DAY) as cm:
        r = await outside(20, "woken 3")
    print(r, cm.expired())
    async with asyncio.timeout(INF) as cm:
        r = await outside(20, "woken 4")
    print(r, cm.expired(), cm.when())

    print("-- a task sleeping 1e7 s, cancelled after an outside wait")
    t = asyncio.create_task(asyncio.sleep(1e7, "never"))
    await asyncio.sleep(0)
    print(await outside(20, "woken 5"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("sleeper cancelled", t.cancelled())
    print("fired", fired)


with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    asyncio.run(main())
print("warnings", sorted({w.category.__name__ for w in ws}))
