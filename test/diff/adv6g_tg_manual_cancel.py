import asyncio

# CancelledError raised by hand (no cancel() behind it) and cancel() aimed at odd targets: a
# TaskGroup body raising CancelledError('manual') (children aborted, the error comes out as is),
# the same after a child failed (the errors win), a child raising CancelledError (counted as
# cancelled, not an error), the body cancelling one of its own children (the group goes on), a
# child cancelling the group's parent task, and a timeout whose body swallows its expiry and then
# raises CancelledError by hand (turned into TimeoutError all the same), or a ValueError (kept).

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def sleeper(name, d=10):
    try:
        await asyncio.sleep(d)
        print("  ", name, "woke")
        return name
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(e.args))
        raise

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  raising", msg)
    raise ValueError(msg)

async def self_cancel(n):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  child raising CancelledError itself")
    raise asyncio.CancelledError("child-own")

async def cancel_parent(parent, n):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  child cancels the parent ->", parent.cancel("from-child"))
    await asyncio.sleep(0)
    print("  child done")
    return "cp"

async def scenario(label, coro_fn):
    print("--", label)
    t = asyncio.create_task(coro_fn(), name="p")
    try:
        r = await t
        print("  returned", repr(r))
    except asyncio.CancelledError as e:
        print("  task cancelled", t.cancelled(), repr(e.args))
    except BaseException as e:
        print("  task failed", desc(e))
    print("  cancelling after", t.cancelling())

async def s_body_manual():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("a"))
        await asyncio.sleep(0)
        print("  body raising CancelledError('manual')")
        raise asyncio.CancelledError("manual")

async def s_body_manual_after_fail():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(1, "child"))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  body cancelled; raising its own")
        raise asyncio.CancelledError("own")

async def s_child_self_cancel():
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(self_cancel(1))
        o = tg.create_task(sleeper("o", 0.01))
    print("  child cancelled()", c.cancelled(), "other", o.result())
    return "group fine"

async def s_body_cancels_child():
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(sleeper("c"))
        o = tg.create_task(sleeper("o", 0.01))
        await asyncio.sleep(0)
        print("  body cancels c ->", c.cancel("by-body"))
    print("  c cancelled()", c.cancelled(), repr(tg))
    return "group fine"

async def s_child_cancels_parent():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(cancel_parent(me, 1))
        tg.create_task(sleeper("s"))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  body cancelled", repr(e.args), "cancelling", me.cancelling())
            raise
    return "unreached"

async def s_child_cancels_parent_in_exit():
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(cancel_parent(me, 1))
        tg.create_task(sleeper("s", 0.01))
    return "unreached"

async def s_timeout_manual():
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  swallowed expiry, cancelling", me.cancelling())
            await asyncio.sleep(0)
            raise asyncio.CancelledError("by-hand")
    except TimeoutError as e:
        print("  TimeoutError from", desc(e.__cause__), "expired", cm.expired())
    return "after timeout"

async def s_timeout_valueerror():
    try:
        async with asyncio.timeout(0) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                pass
            raise ValueError("instead")
    except ValueError as e:
        print("  ValueError kept", desc(e), "expired", cm.expired())
    return "after timeout"

async def s_timeout_manual_unexpired():
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
        raise asyncio.CancelledError("no expiry")

async def main():
    await scenario("TaskGroup body raises CancelledError by hand", s_body_manual)
    await scenario("body raises its own CancelledError after a child failed", s_body_manual_after_fail)
    await scenario("a child raises CancelledError itself", s_child_self_cancel)
    await scenario("the body cancels one child", s_body_cancels_child)
    await scenario("a child cancels the parent while the body awaits", s_child_cancels_parent)
    await scenario("a child cancels the parent in the group's exit", s_child_cancels_parent_in_exit)
    await scenario("timeout body swallows expiry, raises CancelledError", s_timeout_manual)
    await scenario("timeout body swallows expiry, raises ValueError", s_timeout_valueerror)
    await scenario("CancelledError by hand under an unexpired timeout", s_timeout_manual_unexpired)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
