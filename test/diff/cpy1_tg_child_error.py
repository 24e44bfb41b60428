# CPython test_taskgroups.py scenarios: test_taskgroup_04, test_cancel_children_on_child_error,
# test_taskgroup_09, test_taskgroup_10, test_taskgroup_13, test_taskgroup_14.
# A failing child cancels its siblings and the body; the body itself failing (after a sleep, or at
# once) cancels the children; a failing child of an outer group while an inner group waits in the
# body, and the other way round (the inner group's ExceptionGroup nests in the outer one).
# The three failing children of test_cancel_children_on_child_error wake on one shared timer, so
# they fail in the same iteration (CPython's test notes the race of three separate sleeps).
import asyncio

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def t04():
    print("== test_taskgroup_04")
    NUM = 0
    t2_cancel = False
    t2 = None
    async def foo1():
        await asyncio.sleep(0.1)
        1 / 0
    async def foo2():
        nonlocal NUM, t2_cancel
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            t2_cancel = True
            raise
        NUM += 1
    async def runner():
        nonlocal NUM, t2
        async with asyncio.TaskGroup() as g:
            g.create_task(foo1())
            t2 = g.create_task(foo2())
        NUM += 10
    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as eg:
        print("  raised", desc(eg))
    print("  NUM", NUM, "t2_cancel", t2_cancel, "t2 cancelled", t2.cancelled(), "r cancelling", r.cancelling())

async def cancel_children():
    print("== test_cancel_children_on_child_error")
    loop = asyncio.get_running_loop()
    NUM = 0
    t2_cancel = False
    runner_cancel = False
    gate = loop.create_future()
    loop.call_later(0.1, gate.set_result, None)
    async def foo1(n):
        await gate
        print("  foo1", n, "raises")
        1 / 0
    async def foo2():
        nonlocal NUM, t2_cancel
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            t2_cancel = True
            raise
        NUM += 1
    async def runner():
        nonlocal NUM, runner_cancel
        async with asyncio.TaskGroup() as g:
            for n in range(3):
                g.create_task(foo1(n))
            g.create_task(foo2())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                runner_cancel = True
                print("  body cancelled", repr(g))
                raise
        NUM += 10
    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as eg:
        print("  raised", desc(eg))
    print("  NUM", NUM, "t2_cancel", t2_cancel, "runner_cancel", runner_cancel)

async def t09_10(name, body_sleep):
    print("==", name)
    t1 = t2 = None
    # (counted, not named: asyncio cancels the children in the order of a set, by address)
    ncancelled = 0
    async def foo(n, d, v):
        nonlocal ncancelled
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError:
            ncancelled += 1
            raise
        return v
    async def runner():
        nonlocal t1, t2
        async with asyncio.TaskGroup() as g:
            t1 = g.create_task(foo(1, 1, 42))
            t2 = g.create_task(foo(2, 2, 11))
            if body_sleep:
                await asyncio.sleep(0.1)
            print("  body raises", repr(g))
            1 / 0
    try:
        await runner()
    except ExceptionGroup as eg:
        print("  raised", desc(eg))
    else:
        print("  no ExceptionGroup")
    print("  t1 cancelled", t1.cancelled(), "t2 cancelled", t2.cancelled(), "cancelled while running", ncancelled)
    print("  cancelling", asyncio.current_task().cancelling())

async def t13_14(name, outer_after, inner_after):
    print("==", name)
    async def crash_after(label, t):
        try:
            await asyncio.sleep(t)
        except asyncio.CancelledError:
            print("  ", label, "cancelled")
            raise
        print("  ", label, "raises")
        raise ValueError(t)
    async def runner():
        async with asyncio.TaskGroup() as g1:
            g1.create_task(crash_after("outer child", outer_after))
            try:
                async with asyncio.TaskGroup() as g2:
                    g2.create_task(crash_after("inner child", inner_after))
            except BaseException as e:
                print("  inner group raised", desc(e))
                raise
    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as eg:
        print("  raised", desc(eg))
        print("  error types", sorted({type(e).__name__ for e in eg.exceptions}))

async def main():
    await asyncio.create_task(t04())
    await asyncio.create_task(cancel_children())
    await asyncio.create_task(t09_10("test_taskgroup_09", True))
    await asyncio.create_task(t09_10("test_taskgroup_10", False))
    await asyncio.create_task(t13_14("test_taskgroup_13", 0.1, 10))
    await asyncio.create_task(t13_14("test_taskgroup_14", 10, 0.1))

asyncio.run(main())
