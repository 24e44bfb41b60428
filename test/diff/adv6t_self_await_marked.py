import asyncio
import re

# A task that awaits itself gets RuntimeError('Task cannot await on itself: ...') on its next
# step; asyncio leaves the task marked as awaited (_asyncio_future_blocking), so while it is
# pending every later direct await of it, by itself or by another task, raises
# RuntimeError("await wasn't used with future") at once (no iteration passes), while gather(),
# shield(), wait_for() and wait(), which use done callbacks, still work, and awaiting it once it
# is done gives its result. The same for a pending future of another loop that a task tried to
# await. The tasks stay usable: cancelled afterwards, they end as usual.

other = asyncio.new_event_loop()
ticks = 0


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def try_await(label, aw):
    t0 = ticks
    try:
        r = await aw
        print("   ", label, "got", repr(r), "ticks", ticks - t0)
    except RuntimeError as e:
        print("   ", label, "RuntimeError", repr(clean(str(e))[:40]), "ticks", ticks - t0)


async def selfish(label):
    me = asyncio.current_task()
    await try_await(label + " self 1", me)
    await try_await(label + " self 2", me)
    await asyncio.sleep(0.05)
    return label + " value"


async def main():
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    print("-- a task that awaited itself, awaited by another")
    s = asyncio.create_task(selfish("S"), name="S")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await try_await("main await S", s)
    await try_await("main await S again", s)
    g = asyncio.gather(s)
    sh = asyncio.shield(s)
    w = asyncio.create_task(asyncio.wait_for(s, 5))
    dn, pd = await asyncio.wait([s])
    print("  wait ->", len(dn), len(pd), "gather", await g, "shield", await sh, "wait_for", await w)
    await try_await("main await S done", s)

    print("-- a pending future of another loop, tried twice, then by a second task")
    fp = other.create_future()
    await try_await("foreign 1", fp)
    await try_await("foreign 2", fp)
    t2 = asyncio.create_task(try_await("foreign by t2", fp))
    await t2
    fp.set_result("now done")
    await try_await("foreign done", fp)

    print("-- a pending future of this loop is not affected")
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(f.set_result, "fine")
    await try_await("own future", f)

    print("-- the marked task is cancelled: it ends as usual")
    s2 = asyncio.create_task(selfish("S2"), name="S2")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  cancel ->", s2.cancel("bye"))
    await try_await("await S2 after cancel", s2)
    try:
        await asyncio.gather(s2)
    except asyncio.CancelledError as e:
        print("  gather(S2) CancelledError", repr(str(e)))
    print("  S2", clean(repr(s2)))
    tk.cancel()
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
other.close()
