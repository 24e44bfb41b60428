import asyncio

# A TaskGroup's task cancelled from outside while its children fail: the outer cancel before the
# failure, after it (the body sees the outer message), during the exit wait (the cancellation
# propagates unless a child's error wins), twice in the exit wait, and a child converting its
# cancellation into an error; the task's cancelling() count when all is over, and whether the
# task ends cancelled or with the ExceptionGroup.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def fail(n, msg):
    await ticks(n)
    print("  child raises", msg)
    raise ValueError(msg)

async def worker(name, n, on_cancel=None):
    try:
        await ticks(n)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        if on_cancel:
            raise ValueError(on_cancel)
        raise
    print("  ", name, "finished")
    return name

async def group(children, body_ticks):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            for name, coro in children:
                tg.create_task(coro, name=name)
            try:
                await ticks(body_ticks)
                print("  body done", me.cancelling())
            except asyncio.CancelledError as e:
                print("  body cancelled", repr(str(e)), me.cancelling(), repr(tg))
                raise
    except BaseException as e:
        print("  group raised", desc(e), "cancelling", me.cancelling())
        raise
    return "group result"

async def case(title, children, body_ticks, cancels):
    # cancels: list of (tick, message): main cancels the group's task after that many ticks
    print("--", title)
    t = asyncio.create_task(group(children, body_ticks), name="G")
    tick = 0
    for at, msg in cancels:
        while tick < at:
            await asyncio.sleep(0)
            tick += 1
        print("  cancel at", tick, repr(msg), t.cancel(msg), t.cancelling())
    try:
        r = await t
        print("  result", repr(r))
    except asyncio.CancelledError as e:
        print("  task cancelled", repr(str(e)), t.cancelled())
    except ExceptionGroup as eg:
        print("  task failed", desc(eg), t.cancelled())
    print("  final cancelling", t.cancelling(), "main", asyncio.current_task().cancelling())

async def main():
    await case("outer cancel while all is quiet", [("w", worker("w", 10))], 10, [(2, "outer")])
    await case("outer cancel, a child turns it into an error",
               [("w", worker("w", 10, "cleanup failed"))], 10, [(2, "outer")])
    await case("outer cancel in the iteration before the child fails",
               [("f", fail(3, "boom")), ("w", worker("w", 10))], 10, [(2, "outer")])
    await case("outer cancel after the child failed, before the body resumes",
               [("f", fail(1, "boom")), ("w", worker("w", 10))], 10, [(2, "outer")])
    await case("outer cancel during the exit wait",
               [("w", worker("w", 10))], 1, [(3, "in exit")])
    await case("outer cancel during the exit wait, a child fails on cancel",
               [("w", worker("w", 10, "late error"))], 1, [(3, "in exit")])
    await case("two outer cancels during the exit wait",
               [("w", worker("w", 10))], 1, [(3, "first"), (3, "second")])
    await case("outer cancels on both sides of the failure",
               [("f", fail(2, "boom")), ("w", worker("w", 10))], 10, [(1, "early"), (4, "late")])
    await case("outer cancel with None message, child failing in the same tick",
               [("f", fail(2, "boom"))], 10, [(2, None)])
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
