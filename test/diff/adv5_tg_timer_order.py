import asyncio
import time

# Children of a TaskGroup whose sleeps fall due in one loop iteration (the body blocks past all the
# deadlines): the errors come in deadline order, not creation order; a call_at() cancelling the
# group's task due between two children's deadlines; a child that swallows the group's cancel and
# a child due in the same iteration that succeeds; a child due but not yet stepped when the
# group aborts (it is cancelled all the same). Deadlines are far apart relative to scheduling
# noise, and all are past when the loop next looks.

def block(s):
    time.sleep(s)

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def child(name, d, fail=True, swallow=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        if swallow:
            return name + " swallowed"
        raise
    print("  ", name, "wakes")
    if fail:
        raise ValueError(name)
    return name

async def group(spec, cancel_at):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    kids = []
    async with asyncio.TaskGroup() as tg:
        for name, d, fail, swallow in spec:
            kids.append(tg.create_task(child(name, d, fail, swallow), name=name))
        await asyncio.sleep(0)
        if cancel_at is not None:
            loop.call_at(loop.time() + cancel_at, lambda: print("  timer cancels G", me.cancel("timer"), me.cancelling()))
        block(0.2)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("  body cancelled", repr(str(e)), me.cancelling())
            raise
    return "unreached"

async def case(title, spec, cancel_at=None):
    print("--", title)
    t = asyncio.create_task(group(spec, cancel_at), name="G")
    try:
        await t
    except ExceptionGroup as eg:
        print("  group", desc(eg), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print("  G cancelled", repr(str(e)), t.cancelling())

async def main():
    await case("three due together, created in reverse deadline order",
               [("c", 0.12, True, False), ("b", 0.07, True, False), ("a", 0.02, True, False)])
    await case("a success and a failure due together",
               [("ok", 0.02, False, False), ("bad", 0.07, True, False), ("late", 1, True, False)])
    await case("an outer cancel due between two failures",
               [("a", 0.02, True, False), ("b", 0.12, True, False)], 0.07)
    await case("an outer cancel due before any failure",
               [("a", 0.07, True, False)], 0.02)
    await case("an outer cancel, the only child swallows it",
               [("s", 1, True, True)], 0.02)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
