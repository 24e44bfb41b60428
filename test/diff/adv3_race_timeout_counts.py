import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

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

async def fresh(label, coro):
    # each case in a task of its own, so that left-over counts do not leak
    t = asyncio.create_task(guarded(label, coro))
    await t
    await ticks(2)

async def pending_cancel_before_enter():
    me = asyncio.current_task()
    me.cancel("early")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  caught", repr(str(e)), "cancelling", me.cancelling())
    async with asyncio.timeout(0.01) as cm:
        await asyncio.sleep(1)
    return "after timeout"

async def body_converts():
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            raise KeyError("converted")
    return "unreached"

async def body_uncancels_then_raises():
    me = asyncio.current_task()
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  uncancel ->", me.uncancel(), "again ->", me.uncancel())
            raise
    return "unreached"

async def body_uncancels_then_continues():
    me = asyncio.current_task()
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  uncancel ->", me.uncancel())
        await ticks(1)
    print("  expired", cm.expired())
    await ticks(1)
    return "continued"

async def timeout_over_shield():
    async def work():
        await asyncio.sleep(0.2)
        print("  shielded work done")
        return "w"
    t = asyncio.create_task(work())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(t)
    except TimeoutError:
        print("  TimeoutError, work done?", t.done())
    return await t

async def timeout_over_tg_exit():
    async def kid(n, d):
        try:
            await asyncio.sleep(d)
            print("  kid", n, "done")
        except asyncio.CancelledError:
            print("  kid", n, "cancelled")
            raise
    async with asyncio.timeout(0.15):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(kid(1, 0.01))
            tg.create_task(kid(2, 1))
            print("  body done, waiting in exit")
    return "unreached"

async def timeout_and_two_external_cancels():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    now = loop.time()
    loop.call_at(now + 0.05, lambda: me.cancel("one"))
    loop.call_at(now + 0.15, lambda: me.cancel("two"))
    async with asyncio.timeout(0.1):
        block(0.3)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("  body sees", repr(str(e)), "cancelling", me.cancelling())
            raise

async def sequential_timeouts_after_swallow():
    me = asyncio.current_task()
    async with asyncio.timeout(0.01) as a:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  a swallowed, cancelling", me.cancelling())
    print("  a expired", a.expired(), "cancelling", me.cancelling())
    try:
        async with asyncio.timeout(0.01) as b:
            await asyncio.sleep(1)
    except TimeoutError:
        print("  b TimeoutError, cancelling", me.cancelling())
    return "both"

async def inner_swallows_outer_fires():
    me = asyncio.current_task()
    async with asyncio.timeout(0.15) as outer:
        async with asyncio.timeout(0.01) as inner:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("  inner swallowed, cancelling", me.cancelling())
            await asyncio.sleep(1)
        print("  unreached")
    return "unreached"

async def wait_for_slow_cleanup_cancelled_twice():
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()
    async def slow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  slow cleanup starts")
            loop.call_soon(lambda: print("  cancel 1 ->", me.cancel("c1")))
            loop.call_soon(lambda: loop.call_soon(lambda: print("  cancel 2 ->", me.cancel("c2"))))
            await ticks(3)
            print("  slow cleanup ends")
            raise
    try:
        return await asyncio.wait_for(slow(), 0.01)
    finally:
        print("  wait_for left, cancelling", me.cancelling())
        await ticks(4)

async def main():
    print("-- a cancellation caught before entering, then the timeout fires")
    await fresh("pending", pending_cancel_before_enter())
    print("-- the body converts the timeout's CancelledError")
    await fresh("converts", body_converts())
    print("-- the body uncancels, then re-raises")
    await fresh("uncancel-raise", body_uncancels_then_raises())
    print("-- the body uncancels, then continues")
    await fresh("uncancel-continue", body_uncancels_then_continues())
    print("-- timeout over a shield")
    await fresh("shield", timeout_over_shield())
    print("-- timeout while a TaskGroup waits for its children")
    await fresh("tg exit", timeout_over_tg_exit())
    print("-- timeout between two external cancels, one iteration")
    await fresh("two cancels", timeout_and_two_external_cancels())
    print("-- sequential timeouts after a swallowed one")
    await fresh("sequential", sequential_timeouts_after_swallow())
    print("-- inner swallows, outer fires")
    await fresh("inner swallows", inner_swallows_outer_fires())
    print("-- wait_for: slow cleanup, outer cancelled twice meanwhile")
    await fresh("slow", wait_for_slow_cleanup_cancelled_twice())

asyncio.run(main())
