import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, d, fail=False, swallow=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  child", name, "cancelled", repr(str(e)))
        if swallow:
            return name
        raise
    print("  child", name, "wakes")
    if fail:
        raise ValueError(name)
    return name

def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(describe(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"

async def guarded(label, coro):
    me = asyncio.current_task()
    try:
        r = await coro
        print(" ", label, "->", repr(r), "cancelling", me.cancelling())
    except BaseException as e:
        print(" ", label, "->", describe(e), "cancelling", me.cancelling())
        if isinstance(e, asyncio.CancelledError):
            raise

async def tg_timeout_inside(child_first):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("c", 0.01 if child_first else 0.06, fail=True))
        await ticks(1)  # the child's sleep starts before the deadline is computed
        async with asyncio.timeout(0.04 if child_first else 0.01):
            block(0.09)
            await asyncio.sleep(1)
    return "body done"

async def tg_inside_timeout(child_first):
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 0.01 if child_first else 0.06, fail=True))
            await ticks(1)
            cm.reschedule(loop.time() + (0.04 if child_first else 0.01))
            block(0.09)
            await asyncio.sleep(1)
    return "body done"

async def tg_ext_cancel(cancel_first):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("c", 0.02, fail=True))
        await ticks(1)
        now = loop.time()
        loop.call_at(now + (0.005 if cancel_first else 0.07), lambda: print("  ext cancel ->", me.cancel("ext")))
        block(0.1)
        await asyncio.sleep(1)
    return "body done"

async def tg_two_fail_same_iter():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.005, fail=True))
        tg.create_task(child("b", 0.01, fail=True))
        await ticks(1)
        block(0.03)
        await asyncio.sleep(1)

async def tg_fail_and_swallow():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.005, fail=True))
        tg.create_task(child("s", 1, swallow=True))
        await ticks(1)
        block(0.03)
    return "exited"

async def tg_body_raises_when_child_fails():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.005, fail=True))
        await ticks(1)
        block(0.03)
        await ticks(1)  # the timer fired; the child's step is next
        raise KeyError("body")

async def tg_body_returns_while_child_fails():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.005, fail=True))
        await ticks(1)
        block(0.03)
        await ticks(1)
    return "not reached"

async def tg_create_after_abort():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.005, fail=True))
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            try:
                tg.create_task(child("late", 0))
            except RuntimeError as e:
                print("  create_task:", repr(str(e)))
            raise

async def main():
    for child_first in (True, False):
        print("-- timeout inside a TaskGroup, child fails", "first" if child_first else "second")
        await guarded("tg/timeout", tg_timeout_inside(child_first))
        print("-- TaskGroup inside a timeout, child fails", "first" if child_first else "second")
        await guarded("timeout/tg", tg_inside_timeout(child_first))
    for cancel_first in (True, False):
        print("-- external cancel", "before" if cancel_first else "after", "the child fails, same iteration")
        t = asyncio.create_task(guarded("ext", tg_ext_cancel(cancel_first)))
        try:
            await t
        except asyncio.CancelledError:
            print("  task cancelled", t.cancelling())
    print("-- two children fail in one iteration")
    await guarded("two", tg_two_fail_same_iter())
    print("-- a child fails, the other swallows its cancellation")
    await guarded("swallow", tg_fail_and_swallow())
    print("-- the body raises in the step after the child failed")
    await guarded("body raises", tg_body_raises_when_child_fails())
    print("-- the body finishes in the step after the child failed")
    await guarded("body returns", tg_body_returns_while_child_fails())
    print("-- create_task while aborting")
    await guarded("late", tg_create_after_abort())
    print("me cancelling", asyncio.current_task().cancelling())

asyncio.run(main())
