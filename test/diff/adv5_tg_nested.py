import asyncio, re

# Nested TaskGroups: an inner group in the outer body failing (its ExceptionGroup nests in the
# outer one), an inner group run as a child task, the outer group's child failing while the inner
# group in its body waits (the inner one sees a cancellation), both levels failing in the same
# iteration (two cancel requests on one task: the cancelling() counts at each exit), three levels,
# and the repr of the task that ends with the nested group.

def clean(s):
    return re.sub(r" (running at|done, defined at) [^>]*", "", s)

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def fail(n, msg):
    await ticks(n)
    print("  raise", msg)
    raise ValueError(msg)

async def quiet(name, n):
    try:
        await ticks(n)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        raise
    return name

async def inner(label, children, body_ticks=0):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            for name, coro in children:
                tg.create_task(coro, name=name)
            await ticks(body_ticks)
    except BaseException as e:
        print("  inner", label, "raised", desc(e), "cancelling", me.cancelling())
        raise
    print("  inner", label, "ok cancelling", me.cancelling())
    return label

async def outer(children, body):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            for name, coro in children:
                tg.create_task(coro, name=name)
            r = await body
            print("  outer body got", repr(r))
    except BaseException as e:
        print("  outer raised", desc(e), "cancelling", me.cancelling())
        raise
    return "outer ok"

async def case(title, children, body):
    print("--", title)
    t = asyncio.create_task(outer(children, body), name="O")
    try:
        print("  result", repr(await t))
    except ExceptionGroup as eg:
        print("  task", clean(repr(t)))
    except asyncio.CancelledError as e:
        print("  task cancelled", repr(str(e)))
    print("  cancelling", t.cancelling())

async def main():
    await case("inner group in the body fails",
               [("q", quiet("q", 10))], inner("I", [("f", fail(1, "inner child"))]))
    await case("inner group as a child task fails",
               [("I", inner("I", [("f", fail(1, "inner child"))], 10)), ("q", quiet("q", 10))], ticks(10))
    await case("outer child fails while the inner group in the body waits",
               [("f", fail(1, "outer child"))], inner("I", [("q", quiet("iq", 10))], 10))
    await case("both levels fail in the same iteration",
               [("f", fail(1, "outer child"))], inner("I", [("g", fail(1, "inner child"))], 10))
    await case("inner fails one iteration before the outer child",
               [("f", fail(3, "outer child"))], inner("I", [("g", fail(2, "inner child"))], 10))
    await case("three levels",
               [("q", quiet("q", 10))],
               inner("I", [("J", inner("J", [("f", fail(1, "deepest"))], 10)), ("x", fail(3, "middle"))], 10))
    await case("inner group ok, outer child ok",
               [("q", quiet("q", 1))], inner("I", [("q2", quiet("q2", 1))], 1))
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
