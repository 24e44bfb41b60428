import asyncio

events = []

async def sibling(name, delay, swallow=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        events.append("cancelled " + name)
        if swallow:
            await asyncio.sleep(0.02)
            events.append("finished cleanup " + name)
            return "swallowed"
        raise
    return name

async def failing(delay, exc):
    await asyncio.sleep(delay)
    raise exc

def flush():
    print("events", sorted(events))
    events.clear()

async def main():
    print("-- the task running the group is cancelled from outside")
    async def runner():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sibling("a", 0.05))
                tg.create_task(sibling("b", 0.05))
                await asyncio.sleep(0.05)
        except asyncio.CancelledError:
            print("runner: CancelledError out of the group")
            raise
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled", t.cancelled())
    flush()

    print("-- cancelled while waiting in __aexit__")
    async def runner2():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("c", 0.05))
            tg.create_task(sibling("d", 0.05, swallow=True))
        print("not reached")
    t = asyncio.create_task(runner2())
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner2 cancelled", t.cancelled())
    flush()

    print("-- a child error and an outer cancellation: the error group wins")
    async def runner3():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("e", 0.05, swallow=True))
            tg.create_task(failing(0.002, ValueError("child error")))
            await asyncio.sleep(0.05)
    t = asyncio.create_task(runner3())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except ExceptionGroup as eg:
        print("runner3", type(eg).__name__, [type(e).__name__ for e in eg.exceptions])
    except asyncio.CancelledError:
        print("runner3 cancelled")
    flush()

    print("-- the parent's cancel count is restored")
    async def runner4():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(failing(0.001, ValueError("v")))
                await asyncio.sleep(0.05)
        except ExceptionGroup:
            print("runner4 cancelling after the group", asyncio.current_task().cancelling())
        await asyncio.sleep(0.001)
        return "runner4 continues"
    print(await asyncio.create_task(runner4()))

    print("-- a child cancelled on its own does not fail the group")
    async with asyncio.TaskGroup() as tg:
        victim = tg.create_task(sibling("victim", 0.05))
        other = tg.create_task(sibling("other", 0.01))
        await asyncio.sleep(0.001)
        victim.cancel()
    print("victim", victim.cancelled(), "other", other.result())
    flush()

    print("-- a TaskGroup inside a timeout")
    try:
        async with asyncio.timeout(0.005):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sibling("t1", 0.05))
                tg.create_task(sibling("t2", 0.05))
    except TimeoutError:
        print("TimeoutError around the group")
    flush()

asyncio.run(main())
