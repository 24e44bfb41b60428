import asyncio

# A five-level chain whose links alternate between inline awaits of a coroutine and awaits of
# a new task (T0 -> inline -> T2 -> inline -> T4 ...). The outermost, a middle, or the deepest
# task existing so far is cancelled after k iterations, for every k until the chain completes.
# Every level awaits before descending and after its result, catches CancelledError to report
# it, and has a finally that awaits at odd levels. Then each task's final state.

DEPTH = 4
KINDS = ["task", "inline", "task", "inline", "task"]


async def body(i, tasks):
    print("   L%d enter in %s" % (i, asyncio.current_task().get_name()))
    try:
        await asyncio.sleep(0)
        if i == DEPTH:
            await asyncio.sleep(0)
            r = "b"
        elif KINDS[i + 1] == "task":
            t = asyncio.create_task(body(i + 1, tasks), name="T%d" % (i + 1))
            tasks.append(t)
            r = await t
        else:
            r = await body(i + 1, tasks)
        await asyncio.sleep(0)
        print("   L%d returns" % i)
        return "L%d.%s" % (i, r)
    except asyncio.CancelledError as e:
        print("   L%d CancelledError %r in %s cancelling=%d" % (i, str(e), asyncio.current_task().get_name(), asyncio.current_task().cancelling()))
        raise
    finally:
        if i % 2 == 1:
            await asyncio.sleep(0)
            print("   L%d finally (after an await)" % i)
        else:
            print("   L%d finally" % i)


def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled/%d" % t.cancelling()
    if t.exception() is not None:
        return "failed " + type(t.exception()).__name__
    return "result %r/%d" % (t.result(), t.cancelling())


async def run_case(target, k):
    print("== cancel %s after %d iterations" % (target, k))
    tasks = []
    top = asyncio.create_task(body(0, tasks), name="T0")
    tasks.insert(0, top)
    for _ in range(k):
        await asyncio.sleep(0)
    if target == "top":
        victim = tasks[0]
    elif target == "mid":
        victim = tasks[1] if len(tasks) > 2 else None
    else:
        victim = tasks[-1]
    if victim is None:
        print("  no middle task yet; nothing cancelled")
    else:
        print("  cancel %s (done=%s) -> %s" % (victim.get_name(), victim.done(), victim.cancel("%s@%d" % (target, k))))
    await asyncio.wait([top])
    print("  states:", ", ".join("%s %s" % (t.get_name(), state(t)) for t in tasks))


async def main():
    for target in ("top", "mid", "deep"):
        for k in range(0, 12):
            await run_case(target, k)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
