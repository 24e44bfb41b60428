import asyncio

# A TaskGroup's parent cancelled from outside at each phase: while the body awaits (message kept),
# while the group waits in its exit, twice, while the group is already aborting for a failed child
# (the outside request is absorbed: the group raises its ExceptionGroup and the count stays up),
# and with a child failing in reply to the outside cancellation (the errors win over the
# CancelledError). Only one child per group reports its cancellation when it comes (asyncio keeps
# a group's tasks in a set, so the order it cancels them in is not defined). Nested groups: an inner child failing, the outer aborted by an outer child.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def sleeper(name, d=10, loud=True):
    try:
        await asyncio.sleep(d)
        print("  ", name, "woke")
        return name
    except asyncio.CancelledError as e:
        if loud:
            print("  ", name, "cancelled", repr(e.args))
        raise

async def slow_exit(name, n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        for _ in range(n):
            await asyncio.sleep(0)
        print("  ", name, "done lingering")
        return name

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  raising", msg)
    raise ValueError(msg)

async def fail_on_cancel(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  fail_on_cancel raising", msg)
        raise ValueError(msg)

async def driver(label, body, cancels):
    # cancels: list of (after n sleeps(0), msg)
    print("--", label)
    t = asyncio.create_task(body(), name="parent")
    steps = 0
    for n, msg in cancels:
        while steps < n:
            await asyncio.sleep(0)
            steps += 1
        print("  cancel", repr(msg), "->", t.cancel(msg), "cancelling", t.cancelling())
    try:
        r = await t
        print("  parent returned", repr(r))
    except asyncio.CancelledError as e:
        print("  parent cancelled", repr(e.args), t.cancelled())
    except BaseException as e:
        print("  parent failed", desc(e))

async def p_body_awaits():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("a"))
        tg.create_task(sleeper("b", 10, loud=False))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  body cancelled", repr(e.args), repr(tg))
            raise
    return "unreached"

async def p_in_exit():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("a"))
        tg.create_task(slow_exit("s", 2))
    return "unreached"

async def p_twice():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_exit("s", 3))
    finally:
        print("  parent cancelling", me.cancelling())
    return "unreached"

async def p_during_abort():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, "boom"))
            tg.create_task(slow_exit("s", 4))
    except ExceptionGroup as eg:
        print("  caught", desc(eg), "cancelling", me.cancelling())
    r = await asyncio.sleep(0, "after")
    print("  parent goes on", r, "cancelling", me.cancelling())
    return "swallowed"

async def p_fail_reply():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_on_cancel("reply"))
        tg.create_task(sleeper("b", 10, loud=False))
    return "unreached"

async def p_swallow_all():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(slow_exit("s1", 1))
        tg.create_task(slow_exit("s2", 2))
    print("  unreached? cancelling", me.cancelling())
    return "unreached"

async def p_nested_inner_fails():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(sleeper("o1"))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(sleeper("i1"))
            inner.create_task(fail(1, "inner"))
        print("  unreached after inner")
    return "unreached"

async def p_nested_outer_child_fails():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as outer:
        outer.create_task(fail(2, "outer-child"))
        try:
            async with asyncio.TaskGroup() as inner:
                inner.create_task(sleeper("i1"))
                inner.create_task(slow_exit("i2", 1))
        except asyncio.CancelledError as e:
            print("  inner group raised CancelledError", repr(e.args), "cancelling", me.cancelling())
            raise
    return "unreached"

async def p_nested_both_fail():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(fail(1, "outer-child"))
        async with asyncio.TaskGroup() as inner:
            inner.create_task(fail(1, "inner-child"))
            inner.create_task(fail_on_cancel("inner-reply"))
    return "unreached"

async def main():
    await driver("outside cancel while the body awaits", p_body_awaits, [(1, "stop")])
    await driver("outside cancel while the group waits in its exit", p_in_exit, [(1, None)])
    await driver("outside cancel twice in the exit", p_twice, [(1, "one"), (2, "two")])
    await driver("outside cancel while the group aborts", p_during_abort, [(3, "late")])
    await driver("a child fails in reply to the outside cancel", p_fail_reply, [(1, "x")])
    await driver("all children swallow the outside cancel", p_swallow_all, [(1, "y")])
    await driver("nested: inner child fails", p_nested_inner_fails, [])
    await driver("nested: outer child fails while the inner runs", p_nested_outer_child_fails, [])
    await driver("nested: both fail", p_nested_both_fail, [])
    await driver("nested: outside cancel", p_nested_inner_fails, [(1, "outside")])
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
