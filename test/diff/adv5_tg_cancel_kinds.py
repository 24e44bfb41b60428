import asyncio

# CancelledError in a TaskGroup that does not come from the group: a child raising CancelledError
# on its own (counted as cancelled, not an error: the group does not abort), a child cancelled
# from outside with a message, the body raising CancelledError without being cancelled (the
# group aborts its children and the CancelledError propagates), the body raising it while a
# child has failed (the errors win), and the parent's cancelling() along the way.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def self_cancel(msg, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  raise CancelledError", repr(msg))
    raise asyncio.CancelledError(msg)

async def worker(name, n):
    try:
        for _ in range(n):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        raise
    print("  ", name, "finished")
    return name

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(msg)

async def case(title, body):
    print("--", title)
    me = asyncio.current_task()
    try:
        r = await body()
        print("  result", repr(r))
    except asyncio.CancelledError as e:
        print("  CancelledError", repr(str(e)), "cancelling", me.cancelling())
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("  cancelling", me.cancelling())

async def b1():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(self_cancel("by myself"), name="a")
        b = tg.create_task(worker("b", 3), name="b")
    print("  a cancelled", a.cancelled(), "b", b.result())
    try:
        a.result()
    except asyncio.CancelledError as e:
        print("  a.result() CancelledError", repr(str(e)))
    return "b1 done"

async def b2():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 5), name="a")
        b = tg.create_task(worker("b", 3), name="b")
        await asyncio.sleep(0)
        print("  cancel a", a.cancel("from outside"))
        await asyncio.sleep(0)
        print("  a done", a.done(), a.cancelled())
    return ("b2 done", b.result())

async def b3():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 5), name="a")
        await asyncio.sleep(0)
        print("  body raises CancelledError")
        raise asyncio.CancelledError("body's own")
    return "unreached"

async def b4():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, "child failed"), name="f")
        tg.create_task(worker("w", 5), name="w")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("  body raises CancelledError after the failure")
        raise asyncio.CancelledError("body's own")
    return "unreached"

async def b5():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(self_cancel("c1", 1), name="c1")
        tg.create_task(self_cancel("c2", 2), name="c2")
        tg.create_task(fail(3, "late failure"), name="f")
        tg.create_task(worker("w", 6), name="w")
    return "unreached"

async def b6():
    # the body catches its cancellation (requested by the group) and returns normally
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, "child failed"), name="f")
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  body swallowed", repr(str(e)), asyncio.current_task().cancelling())
        print("  body goes on", asyncio.current_task().cancelling())
        await asyncio.sleep(0)
        print("  body after one more await")
    return "unreached"

async def main():
    for title, b in [("child raises CancelledError itself", b1),
                     ("child cancelled from outside", b2),
                     ("body raises CancelledError", b3),
                     ("body raises CancelledError after a child failed", b4),
                     ("children raise CancelledError, then one fails", b5),
                     ("body swallows the group's cancellation", b6)]:
        await case(title, b)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
