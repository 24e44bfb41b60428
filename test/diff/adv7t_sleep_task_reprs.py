import asyncio
import re
import time

# A sleeping task seen from outside at every point: repr (pending, with and without wait_for,
# cancelling, done), done(), cancelling(); the sleep's future after its timer fired but before the
# task's wake-up ran (finished, with the sleep's result as its result); tasks woken by one batch
# of timers step in deadline order, and what each schedules with call_soon runs after all the
# wake-ups of that batch. Deadlines 300 ms apart, made due together by blocking.


def block(s):
    time.sleep(s)


def r(x):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", repr(x))


out = []


async def sleeper(d, res):
    v = await asyncio.sleep(d, res)
    out.append("woke " + repr(v))
    return v


async def waker(name, d):
    loop = asyncio.get_running_loop()
    v = await asyncio.sleep(d, name)
    out.append("step " + v)
    loop.call_soon(out.append, "soon " + v)
    await asyncio.sleep(0)
    out.append("end " + v)


async def main():
    loop = asyncio.get_running_loop()
    print("-- reprs through a sleep(0)")
    t = asyncio.create_task(sleeper(0, "zero"), name="z")
    print(r(t), t.done(), t.cancelling())
    await asyncio.sleep(0)
    print(r(t))
    await asyncio.sleep(0)
    print(r(t), t.done(), repr(t.result()))

    print("-- reprs through a timed sleep, cancelled at the end")
    t = asyncio.create_task(sleeper(0.3, ["r", 1]), name="timed")
    await asyncio.sleep(0)
    print(r(t))
    t.cancel("go")
    print(r(t), t.cancelling())
    await asyncio.sleep(0)
    print(r(t), t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e.args))

    print("-- the sleep's future finished, the wake-up not yet run")
    t = asyncio.create_task(sleeper(0.3, "done-not-woken"), name="w")
    await asyncio.sleep(0)
    base = loop.time()
    snap = []
    loop.call_at(base + 0.6, lambda: snap.append((r(t), t.done())))
    loop.call_soon(block, 0.9)
    await asyncio.sleep(0.01)
    await t
    for s in snap:
        print(s)
    print(r(t))

    print("-- tasks woken in one batch: deadline order, their call_soon after all wake-ups")

    out.clear()
    spec = [("c", 0.9), ("a", 0.3), ("d", 1.2), ("b", 0.6)]
    ts = [asyncio.create_task(waker(n, d), name=n) for n, d in spec]
    await asyncio.sleep(0)
    loop.call_soon(block, 1.5)
    await asyncio.sleep(0)
    print([r(x) for x in ts[:2]])
    await asyncio.gather(*ts)
    for i in range(0, len(out), 4):
        print("  ", out[i:i + 4])
    print([r(x) for x in ts[:2]])

    print("-- same delay from one step: scheduling order")
    out.clear()
    ts = [asyncio.create_task(waker(n, 0.3), name=n) for n in "qpsr"]
    # Their deadlines differ by the microseconds between their first steps; blocking past all of
    # them makes one batch of them, whatever the machine's load.
    await asyncio.sleep(0)
    block(0.45)
    await asyncio.gather(*ts)
    for i in range(0, len(out), 4):
        print("  ", out[i:i + 4])


asyncio.run(main())
