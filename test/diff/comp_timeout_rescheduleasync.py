import asyncio

async def body(tm, label, plan):
    """plan: list of (action, arg): ("sleep", d) or ("resched", delta|None)"""
    loop = asyncio.get_running_loop()
    try:
        for action, arg in plan:
            if action == "sleep":
                await asyncio.sleep(arg)
                print(label, "slept", arg)
            else:
                tm.reschedule(None if arg is None else loop.time() + arg)
                print(label, "rescheduled", "None" if arg is None else "+" + str(arg), "when is None:", tm.when() is None)
    finally:
        print(label, "body exits, expired", tm.expired())
    return label + " ok"

async def run(label, delay, plan):
    try:
        async with asyncio.timeout(delay) as tm:
            r = await body(tm, label, plan)
        print(label, "->", r, repr(tm))
    except TimeoutError:
        print(label, "-> TimeoutError", repr(tm))

async def main():
    loop = asyncio.get_running_loop()
    await run("later", 0.01, [("resched", 10), ("sleep", 0.02)])
    await run("earlier", 10, [("resched", 0.005), ("sleep", 10)])
    await run("none", 0.005, [("resched", None), ("sleep", 0.02)])
    await run("past", 10, [("resched", -1), ("sleep", 10)])
    await run("twice", 0.005, [("resched", 0.02), ("resched", 10), ("sleep", 0.03)])
    await run("from none", None, [("sleep", 0.001), ("resched", 0.005), ("sleep", 10)])
    await run("after partial wait", 0.05, [("sleep", 0), ("resched", 10), ("sleep", 0.06)])

    print("-- reschedule after expiry, still inside the body")
    try:
        async with asyncio.timeout(0.005) as tm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                try:
                    tm.reschedule(loop.time() + 1)
                except RuntimeError as e:
                    print("RuntimeError", str(e))
                raise
    except TimeoutError:
        print("TimeoutError", repr(tm))

    print("-- rescheduling a zero timeout before it fires")
    async with asyncio.timeout(0) as tm:
        tm.reschedule(loop.time() + 10)
        await asyncio.sleep(0.002)
        print("survived the zero timeout")
    print(repr(tm))

asyncio.run(main())
