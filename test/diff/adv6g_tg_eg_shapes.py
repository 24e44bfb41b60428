import asyncio

# ExceptionGroup shapes: errors in the order the children finished (not created), a child's own
# group nested as one error, the body raising an ExceptionGroup (kept whole, last), a TimeoutError
# from a timeout inside the body, three levels of groups; then 3.11's leftover cancel request (a
# child failing after the body ended leaves the parent's cancelling() at 1) seen by a timeout
# around it: the timeout's expiry then comes out as CancelledError, not TimeoutError.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def fail(n, msg, cls=ValueError):
    for _ in range(n):
        await asyncio.sleep(0)
    raise cls(msg)

async def fail_on_cancel(n, msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        for _ in range(n):
            await asyncio.sleep(0)
        raise TypeError(msg)

async def child_with_group(tag, k):
    async with asyncio.TaskGroup() as g:
        for i in range(k):
            g.create_task(fail(1, "%s%d" % (tag, i)))
    return "unreached"

async def show(label, coro):
    print("--", label)
    try:
        r = await coro
        print("  returned", repr(r))
    except BaseException as e:
        print("  ", desc(e))
        if isinstance(e, BaseExceptionGroup):
            print("   leaves:", [str(x) for x in _leaves(e)])
    print("  cancelling", asyncio.current_task().cancelling())

def _leaves(e):
    if isinstance(e, BaseExceptionGroup):
        out = []
        for x in e.exceptions:
            out.extend(_leaves(x))
        return out
    return [e]

async def finish_order():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_on_cancel(3, "c-3"))
        tg.create_task(fail_on_cancel(1, "c-1"))
        tg.create_task(fail(2, "trigger"))
        tg.create_task(fail_on_cancel(2, "c-2"))

async def nested_child_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child_with_group("x", 2))
        tg.create_task(fail(3, "plain"))
        tg.create_task(child_with_group("y", 1))

async def body_raises_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_on_cancel(1, "reply"))
        await asyncio.sleep(0)
        raise ExceptionGroup("mine", [KeyError("k"), ValueError("v")])

async def body_timeout():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_on_cancel(1, "reply"))
        async with asyncio.timeout(0):
            await asyncio.sleep(10)

async def three_levels():
    async def level2():
        async with asyncio.TaskGroup() as g2:
            g2.create_task(child_with_group("z", 2))
            g2.create_task(fail(1, "l2"))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(level2())
        tg.create_task(fail_on_cancel(4, "l1-reply"))

async def leftover_then_timeout():
    me = asyncio.current_task()
    async with asyncio.timeout(0.2) as cm:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(2, "after-body"))
        except ExceptionGroup as eg:
            print("  caught", desc(eg), "cancelling", me.cancelling())
        try:
            await asyncio.sleep(1)
            print("  unreached")
        except asyncio.CancelledError:
            print("  sleep cancelled by the timeout, cancelling", me.cancelling())
            raise
    return "unreached"

async def leftover_uncancelled():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(2, "after-body"))
    except ExceptionGroup as eg:
        print("  caught", desc(eg), "cancelling", me.cancelling(), "uncancel ->", me.uncancel())
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(1)
    return "unreached"

async def main():
    await show("errors in finishing order", finish_order())
    await show("children with their own groups", nested_child_group())
    await show("body raises an ExceptionGroup", body_raises_group())
    await show("body's timeout expires", body_timeout())
    await show("three levels", three_levels())
    t = asyncio.create_task(leftover_then_timeout())
    await show("3.11 leftover cancel request under a timeout", t)
    t = asyncio.create_task(leftover_uncancelled())
    await show("leftover request uncancelled by hand", t)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
