import asyncio

# sleep() given an AbortSignal that is never aborted (aionode's `{ signal }` option) must behave as
# a plain sleep(): sleep(0) and sleep(-1) still relinquish exactly one loop iteration, are a
# cancellation point, and a task made of such a sleep takes two steps. Python has no signal: the
# Python side is the plain sleep.
INF = float("inf")


async def main():
    loop = asyncio.get_running_loop()
    st = {"n": 0, "on": True}

    def tick():
        st["n"] += 1
        if st["on"]:
            loop.call_soon(tick)

    loop.call_soon(tick)
    await asyncio.sleep(0)

    print("-- ticks per sleep")
    for d in (0, -1, -INF, 1e-9):
        n0 = st["n"]
        r = await asyncio.sleep(d, "v")
        print(" ", repr(d), repr(r), "ticks", st["n"] - n0)

    print("-- a polling loop of sleep(0) lets other callbacks run between polls")
    n0 = st["n"]
    seen = []
    for i in range(4):
        await asyncio.sleep(0)
        seen.append(st["n"] - n0)
    print(" ", seen)

    print("-- sleep(0) is a cancellation point")
    log = []

    async def worker():
        try:
            for i in range(3):
                await asyncio.sleep(0)
                log.append(i)
            return "finished"
        except asyncio.CancelledError:
            log.append("cancelled")
            raise

    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print("  cancel() returned", t.cancel())
    try:
        print("  result", await t)
    except asyncio.CancelledError:
        print("  worker cancelled")
    print(" ", log)

    print("-- tasks made of one sleep")
    for d in (0, -1, 1e-9):
        n0 = st["n"]
        t = asyncio.create_task(asyncio.sleep(d, "t"))
        marks = []
        t.add_done_callback(lambda f, n0=n0: marks.append(st["n"] - n0))
        while not t.done():
            await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(" ", repr(d), t.result(), "done callback at tick", marks)

    print("-- a task cancelled before its sleep(0) step")
    t = asyncio.create_task(asyncio.sleep(0, "never"))
    await asyncio.sleep(0)
    print("  cancel() returned", t.cancel(), "done", t.done())
    try:
        await t
        print("  result", t.result())
    except asyncio.CancelledError:
        print("  cancelled", t.cancelled())

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
