import asyncio
import re

# cancel() of a task whose waiter is already done but has not woken it yet: a future that got
# a result or an exception this iteration, a task that just finished, a gather whose children
# all just finished (gather's cancel() returns False: the request stays with the task), and
# one child left. A task cancelled by the task it awaits (from inside that task's step), which
# then returns, raises, or awaits. cancelling() and the repr of each. Each task's coroutine
# awaits an inner coroutine that does the work (a mixed twin makes it an async body inside a
# generator task).


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def waiter(label, aw):
    return await waiter_inner(label, aw)


async def waiter_inner(label, aw):
    try:
        r = await aw
        print(label, "got", repr(r))
        return r
    except asyncio.CancelledError as e:
        print(label, "caught CancelledError", repr(str(e)))
        raise
    except ValueError as e:
        print(label, "caught ValueError", repr(str(e)))
        return "handled"


def outcome(label, t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(label, "-> cancelled", repr(str(e)), "cancelling", t.cancelling())
    elif t.exception() is not None:
        print(label, "-> exception", repr(t.exception()), "cancelling", t.cancelling())
    else:
        print(label, "-> result", repr(t.result()), "cancelling", t.cancelling())


async def quick(v):
    return v


async def inner_cancels_outer(mode):
    return await inner_cancels_outer_inner(mode)


async def inner_cancels_outer_inner(mode):
    outer = outers[-1]
    print("  inner: outer.cancel ->", outer.cancel("from inner"))
    print("  inner cancelling", asyncio.current_task().cancelling(), "outer", outer.cancelling())
    show("  inner repr", asyncio.current_task())
    if mode == "return":
        return "inner value"
    if mode == "raise":
        raise ValueError("inner raised")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  inner caught", repr(str(e)))
        raise
    return "not reached"


outers = []


async def outer_body(mode):
    return await outer_body_inner(mode)


async def outer_body_inner(mode):
    inner = asyncio.create_task(inner_cancels_outer(mode), name="inner-" + mode)
    try:
        return await inner
    finally:
        outcome("  inner-" + mode, inner)


async def main():
    loop = asyncio.get_running_loop()

    print("-- waiter done this iteration, task not woken yet")
    f = loop.create_future()
    t = asyncio.create_task(waiter("A", f), name="A")
    await asyncio.sleep(0)
    f.set_result("value")
    print("cancel A ->", t.cancel("late A"), "cancelling", t.cancelling())
    show("A", t)
    await asyncio.sleep(0)
    outcome("A", t)

    f = loop.create_future()
    t = asyncio.create_task(waiter("B", f), name="B")
    await asyncio.sleep(0)
    f.set_exception(ValueError("boom"))
    print("cancel B ->", t.cancel("late B"))
    await asyncio.sleep(0)
    outcome("B", t)

    q = asyncio.create_task(quick("q"), name="q")
    t = asyncio.create_task(waiter("C", q), name="C")
    await asyncio.sleep(0)
    print("q done", q.done())
    print("cancel C ->", t.cancel("late C"))
    show("C", t)
    await asyncio.sleep(0)
    outcome("C", t)

    f1 = loop.create_future()
    f2 = loop.create_future()
    g = asyncio.gather(f1, f2)
    t = asyncio.create_task(waiter("D", g), name="D")
    await asyncio.sleep(0)
    f1.set_result(1)
    f2.set_result(2)
    print("gather cancel would be", "tried below")
    print("cancel D ->", t.cancel("late D"), "cancelling", t.cancelling())
    show("D", t)
    for _ in range(3):
        await asyncio.sleep(0)
    outcome("D", t)
    print("gather", "cancelled" if g.cancelled() else repr(g.result()))

    f1 = loop.create_future()
    f2 = loop.create_future()
    g = asyncio.gather(f1, f2)
    t = asyncio.create_task(waiter("E", g), name="E")
    await asyncio.sleep(0)
    f1.set_result(1)
    print("cancel E ->", t.cancel("late E"))
    for _ in range(3):
        await asyncio.sleep(0)
    outcome("E", t)
    print("f2 cancelled", f2.cancelled())

    print("-- the awaited task cancels its awaiter")
    for mode in ("return", "raise", "await"):
        o = asyncio.create_task(outer_body(mode), name="outer-" + mode)
        outers.append(o)
        for _ in range(4):
            await asyncio.sleep(0)
        outcome("outer-" + mode, o)


asyncio.run(main())
