import asyncio
import itertools
import time

# Three deadlines due in one loop iteration: an outer timeout_at() (T) around wait_for() (W) of a
# coroutine that runs its own timeout_at() (I), and in some cases an external cancel() of the
# outer task by a timer (X). The first deadline is 100 ms ahead (room for the set-up on a loaded
# machine), the deadlines are 20 ms apart, and the loop is blocked past all of them, so the
# timers run in one iteration in deadline order; every order is tried. Who reports
# what, cancelling() of both tasks, and which timeouts count as expired.
INF = float("inf")


def fmt(e):
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def inner(dl, h):
    me = asyncio.current_task()
    h["inner_task"] = me
    cm = None
    try:
        async with asyncio.timeout_at(dl["I"]) as cm:
            await asyncio.sleep(INF)
    except BaseException as e:
        print("    inner leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired())
        raise


async def outer(dl, h):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    cm = None
    try:
        async with asyncio.timeout_at(dl["T"]) as cm:
            try:
                await asyncio.wait_for(inner(dl, h), dl["W"] - loop.time())
            except BaseException as e:
                print("    wait_for raised", fmt(e), "cancelling", me.cancelling())
                raise
    except BaseException as e:
        print("    outer leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired())
        return type(e).__name__
    return "ok"


async def case(order):
    loop = asyncio.get_running_loop()
    print("-- order", " ".join(order))
    base = loop.time() + 0.1
    dl = {name: base + 0.02 * i for i, name in enumerate(order)}
    if "X" not in dl:
        dl["X"] = None
    h = {}
    t = asyncio.create_task(outer(dl, h))
    if dl["X"] is not None:
        loop.call_at(dl["X"], t.cancel, "X")
    for _ in range(3):
        await asyncio.sleep(0)
    time.sleep(base + 0.02 * len(order) + 0.03 - loop.time())
    r = await t
    it = h["inner_task"]
    print("  ->", r, "outer cancelling", t.cancelling(), "inner", "cancelled" if it.cancelled() else fmt(it.exception()), "cancelling", it.cancelling())


async def main():
    for order in itertools.permutations("TWI"):
        await case(order)
    for base in ("TWI", "IWT"):
        for i in range(4):
            await case(tuple(base[:i] + "X" + base[i:]))


asyncio.run(main())
