import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
# n=None means "until cancelled".
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

events = []

async def sibling(name, n, swallow=False):
    try:
        if n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError:
        events.append("cancelled " + name)
        if swallow:
            await ticks(10)
            events.append("finished cleanup " + name)
            return "swallowed"
        raise
    return name

async def failing(n, exc):
    await ticks(n)
    raise exc

def flush():
    print("events", sorted(events))
    events.clear()

async def main():
    print("-- the task running the group is cancelled from outside")
    async def runner():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sibling("a", None))
                tg.create_task(sibling("b", None))
                await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("runner: CancelledError out of the group")
            raise
    t = asyncio.create_task(runner())
    await ticks(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner cancelled", t.cancelled())
    flush()

    print("-- cancelled while waiting in __aexit__")
    async def runner2():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("c", None))
            tg.create_task(sibling("d", None, swallow=True))
        print("not reached")
    t = asyncio.create_task(runner2())
    await ticks(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("runner2 cancelled", t.cancelled())
    flush()

    print("-- a child error and an outer cancellation: the error group wins")
    async def runner3():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("e", None, swallow=True))
            tg.create_task(failing(1, ValueError("child error")))
            await asyncio.sleep(10)
    t = asyncio.create_task(runner3())
    await ticks(7)
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
                tg.create_task(failing(1, ValueError("v")))
                await asyncio.sleep(10)
        except ExceptionGroup:
            print("runner4 cancelling after the group", asyncio.current_task().cancelling())
        await ticks(1)
        return "runner4 continues"
    print(await asyncio.create_task(runner4()))

    print("-- a child cancelled on its own does not fail the group")
    async with asyncio.TaskGroup() as tg:
        victim = tg.create_task(sibling("victim", None))
        other = tg.create_task(sibling("other", 3))
        await ticks(1)
        victim.cancel()
    print("victim", victim.cancelled(), "other", other.result())
    flush()

    print("-- a TaskGroup inside a timeout")
    try:
        async with asyncio.timeout(0.005):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sibling("t1", None))
                tg.create_task(sibling("t2", None))
    except TimeoutError:
        print("TimeoutError around the group")
    flush()

asyncio.run(main())
