import asyncio
import time

# sleep(d, result) cancelled at every point: before the task's first step, inside the sleep,
# in the iteration its timer fired (result already set, wake-up pending: the sleep still raises
# CancelledError), after it returned but before the task ended, after the task ended (cancel()
# is False), twice with two messages (the first one wins), and a task that swallows the
# cancellation and sleeps again. Timers made due together by a blocking callback (300 ms apart).
INF = float("inf")


def block(s):
    time.sleep(s)


async def sleeper(label, d, res, again=False):
    print("  ", label, "start")
    try:
        r = await asyncio.sleep(d, res)
        print("  ", label, "slept ->", repr(r))
        return r
    except asyncio.CancelledError as e:
        print("  ", label, "cancelled inside sleep", repr(e.args), asyncio.current_task().cancelling())
        if again:
            asyncio.current_task().uncancel()
            r = await asyncio.sleep(0, "again")
            print("  ", label, "slept again ->", repr(r))
            return r
        raise


async def report(label, t):
    try:
        r = await t
        print(label, "result", repr(r), "cancelled()", t.cancelled())
    except asyncio.CancelledError as e:
        print(label, "CancelledError", repr(e.args), "cancelled()", t.cancelled())


async def main():
    loop = asyncio.get_running_loop()

    print("-- cancelled before the first step")
    for d in (0, -1, 0.2, INF):
        t = asyncio.create_task(sleeper("pre %r" % d, d, "r"))
        print("cancel ->", t.cancel("pre"))
        await report("pre %r" % d, t)

    print("-- cancelled inside the sleep")
    for d, res in ((0, "zero"), (-5, None), (0.2, [1, 2]), (INF, "inf"), (1e300, 3.5)):
        t = asyncio.create_task(sleeper("in %r" % d, d, res))
        await asyncio.sleep(0)
        print("cancel ->", t.cancel("inside"))
        await report("in %r" % d, t)

    print("-- cancelled inside, swallowed, sleeps again")
    for d in (0, 0.2):
        t = asyncio.create_task(sleeper("sw %r" % d, d, "x", again=True))
        await asyncio.sleep(0)
        t.cancel("sw")
        await report("sw %r" % d, t)

    print("-- cancelled in the iteration the sleep's timer fired")

    async def timed(label, delay, res):
        print("  ", label, "start")
        try:
            r = await asyncio.sleep(delay, res)
            print("  ", label, "slept ->", repr(r))
            return r
        except asyncio.CancelledError as e:
            print("  ", label, "cancelled", repr(e.args))
            raise

    t1 = asyncio.create_task(timed("r1", 0.3, "r1-res"))
    t2 = asyncio.create_task(timed("r2", 0.9, "r2-res"))
    await asyncio.sleep(0)
    base = loop.time()
    loop.call_at(base + 0.6, lambda: print("  timer: cancel r1 ->", t1.cancel("late"), t1.cancelling()))
    loop.call_at(base + 1.2, lambda: print("  timer: cancel r2 ->", t2.cancel("late2"), t2.cancelling()))
    loop.call_soon(block, 1.5)
    await report("r1", t1)
    await report("r2", t2)

    print("-- cancelled after the sleep returned, before the task ended")

    async def after():
        r = await asyncio.sleep(0, "v")
        print("   after: slept", r, "cancelling", asyncio.current_task().cancelling())
        asyncio.current_task().cancel("self")
        print("   after: still running, cancelling", asyncio.current_task().cancelling())
        return r

    t = asyncio.create_task(after())
    await report("after", t)

    async def after2():
        r = await asyncio.sleep(0, "v2")
        asyncio.current_task().cancel("self2")
        try:
            await asyncio.sleep(0, "never")
        except asyncio.CancelledError as e:
            print("   after2: next sleep cancelled", repr(e.args))
        return r + "!"

    t = asyncio.create_task(after2())
    await report("after2", t)

    print("-- cancel after done, cancel twice")
    t = asyncio.create_task(asyncio.sleep(0, "done"))
    await t
    print("cancel done ->", t.cancel("late"), t.cancelled(), repr(t.result()))
    t = asyncio.create_task(sleeper("twice", 0.2, "t"))
    await asyncio.sleep(0)
    print("cancel 1 ->", t.cancel("one"), t.cancelling())
    print("cancel 2 ->", t.cancel("two"), t.cancelling())
    await report("twice", t)

    print("-- a cancelled sleep in a chain of three tasks")

    async def inner():
        return await asyncio.sleep(INF, "never")

    async def middle(ti):
        try:
            return await ti
        except asyncio.CancelledError as e:
            print("   middle got", repr(e.args))
            raise

    ti = asyncio.create_task(inner())
    tm = asyncio.create_task(middle(ti))
    await asyncio.sleep(0)
    ti.cancel("root")
    await report("middle", tm)
    print("inner cancelled", ti.cancelled())
    print("loop still works:", await asyncio.sleep(0.01, "yes"))


asyncio.run(main())
