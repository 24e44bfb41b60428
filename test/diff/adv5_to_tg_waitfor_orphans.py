import asyncio

# TaskGroup children that sit in wait_for(): when the group aborts (a sibling fails) each such
# child is cancelled once, and its wait_for() then waits for its own inner task (not a child of
# the group) to finish cancelling. Inner tasks that clean up slowly, that never give in (until a
# flag), and a timeout() around the whole group that expires while the group waits on exit:
# the group keeps waiting (it is already aborting), and what finally comes out is the
# ExceptionGroup, not TimeoutError. cancelling() of the parent task and the children throughout.
INF = float("inf")


def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"


def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return fmt(t.exception())
    return repr(t.result())


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def inner(name, k, flag, h):
    me = asyncio.current_task()
    h[name] = me
    try:
        await asyncio.sleep(INF)
    except asyncio.CancelledError as e:
        # printed at the end: a TaskGroup cancels its children in the order of a set in CPython
        h["msg " + name] = "cancelled %r cancelling %d" % (str(e), me.cancelling())
    if flag is None:
        await ticks(k)
    else:
        while not flag["stop"]:
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError:
                print("      inner", name, "swallows another cancel, cancelling", me.cancelling())
    print("      inner", name, "finishes")
    return "inner " + name


async def child(name, k, flag, h, to):
    me = asyncio.current_task()
    try:
        r = await asyncio.wait_for(inner(name, k, flag, h), to)
        print("    child", name, "wait_for ->", repr(r))
        return r
    except BaseException as e:
        print("    child", name, "wait_for raised", fmt(e), "cancelling", me.cancelling())
        raise


async def failer(n):
    await ticks(n)
    raise ValueError("sibling failed")


async def case(label, kids, to=INF, outer_expire_at=None, stop_at=None):
    print("--", label)
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    h = {}
    flag = {"stop": False}
    children = []
    cm = None

    async def driver():
        # runs beside the group: expires the outer timeout and lifts the flag at given ticks
        for i in range(16):
            if i == outer_expire_at:
                print("    driver: expire the outer timeout")
                cm.reschedule(-INF)
            if i == stop_at:
                print("    driver: stop the holdout inner tasks")
                flag["stop"] = True
            await asyncio.sleep(0)

    d = asyncio.create_task(driver())
    try:
        async with asyncio.timeout(INF) as cm:
            try:
                async with asyncio.TaskGroup() as tg:
                    for name, k, holdout in kids:
                        children.append(tg.create_task(child(name, k, flag if holdout else None, h, to)))
                    children.append(tg.create_task(failer(2)))
            finally:
                print("    group done, parent cancelling", me.cancelling())
        print("  no error?!")
    except BaseException as e:
        print("  ->", fmt(e), "cancelling", me.cancelling(), "outer expired", cm.expired())
    await d
    print("  children", [state(c) for c in children])
    for name in sorted(k for k in h if not k.startswith("msg ")):
        it = h[name]
        if not it.done():
            await asyncio.wait({it})
        print("  inner", name, h["msg " + name], "->", state(it), "cancelling", it.cancelling())


async def main():
    await case("children in wait_for(inf) with slow inner cleanup", [("a", 1, False), ("b", 6, False)])
    await case("same with wait_for(None): the inner runs in the child", [("a", 1, False), ("b", 6, False)], to=None)
    await case("a holdout inner holds the group until the flag", [("a", 1, False), ("s", 0, True)], stop_at=10)
    await case("the outer timeout expires while the group waits on exit", [("s", 0, True)], outer_expire_at=4, stop_at=10)
    await case("the outer timeout expires before the sibling fails", [("a", 2, False), ("s", 0, True)], outer_expire_at=1, stop_at=10)
    await case("holdout inner with wait_for(None): the child swallows", [("s", 0, True)], to=None, outer_expire_at=4, stop_at=10)


asyncio.run(main())
