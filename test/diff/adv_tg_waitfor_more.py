import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def whoami(tag, outer):
    t = asyncio.current_task()
    print("  ", tag, "same task as caller", t is outer, "name", t.get_name())
    await asyncio.sleep(0)
    return tag

async def victim(name, on_cancel="raise", delay=10):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        if on_cancel == "timeout":
            raise TimeoutError("own timeout from " + name)
        if on_cancel == "ignore":
            await ticks(2)
            print("  ", name, "ignored the cancel and finishes")
            return "ignored-" + name
        raise
    return name

def cause_name(e):
    c = e.__cause__
    return None if c is None else type(c).__name__

async def run(label, aw, timeout):
    me = asyncio.current_task()
    try:
        r = await asyncio.wait_for(aw, timeout)
        print("  ", label, "->", repr(r))
    except TimeoutError as e:
        print("  ", label, "-> TimeoutError", repr(str(e)), "cause", cause_name(e))
    except asyncio.CancelledError as e:
        print("  ", label, "-> CancelledError", repr(str(e)))
    except Exception as e:
        print("  ", label, "->", type(e).__name__, repr(str(e)))
    print("  ", label, "caller cancelling", me.cancelling())

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- where the awaitable runs")
    await run("None", whoami("none", me), None)
    await run("5", whoami("five", me), 5)
    await run("inf", whoami("inf", me), float("inf"))
    t = asyncio.create_task(ticks(0))
    print("  next task name", t.get_name())
    await t

    print("-- the inner raises TimeoutError itself")
    async def own_timeout():
        await ticks(1)
        raise TimeoutError("inner's own")
    await run("own, 5", own_timeout(), 5)
    await run("own, None", own_timeout(), None)

    print("-- the timeout fires and the inner answers with its own TimeoutError")
    await run("converted", victim("v1", "timeout"), 0.01)

    print("-- the inner task is cancelled by someone else")
    t = asyncio.create_task(victim("v2"))
    loop.call_later(0.005, t.cancel, "by a third party")
    await run("third party, 5", t, 5)
    print("   inner cancelled", t.cancelled())
    f = loop.create_future()
    loop.call_soon(f.cancel, "future cancelled")
    await run("third party, None", f, None)
    f = loop.create_future()
    loop.call_soon(f.cancel, "future cancelled 2")
    await run("third party, 0.5", f, 0.5)

    print("-- nested wait_for: the outer one expires first")
    await run("nested", asyncio.wait_for(victim("v3"), 10), 0.01)
    print("-- nested wait_for: the inner one expires first")
    await run("nested2", asyncio.wait_for(victim("v4"), 0.01), 10)

    print("-- wait_for inside a timeout block that expires first")
    try:
        async with asyncio.timeout(0.01) as cm:
            await run("in timeout", victim("v5"), 10)
            print("   body goes on after wait_for, cancelling", me.cancelling())
            await ticks(1)
            print("   body finishes: wait_for's caller swallowed the timeout's cancellation")
    except TimeoutError as e:
        print("   not reached: timeout block -> TimeoutError")
    print("   after the block: expired", cm.expired(), "cancelling", me.cancelling())

    print("-- wait_for on gather: the children are cancelled")
    a = asyncio.create_task(victim("ga"))
    b = asyncio.create_task(victim("gb", "ignore"))
    await run("gather", asyncio.gather(a, b), 0.01)
    print("   a cancelled", a.cancelled(), "b", b.result())

    print("-- wait_for on a task that ignores the cancellation: waits for it, returns its value")
    t = asyncio.create_task(victim("v6", "ignore"))
    await run("ignoring", t, 0.01)
    t = asyncio.create_task(victim("v7", "ignore"))
    await ticks(1)
    await run("ignoring, 0", t, 0)
    await run("ignoring, negative", victim("v8", "ignore"), -1)

    print("-- wait_for cancelled from outside, with a message")
    async def waiter(aw, timeout):
        await run("outside", aw, timeout)
    inner = asyncio.create_task(victim("v9"))
    w = asyncio.create_task(waiter(inner, 10))
    await ticks(2)
    w.cancel("from outside")
    await w
    print("   inner cancelled", inner.cancelled(), "waiter cancelling", w.cancelling())
    inner = asyncio.create_task(victim("v10"))
    w = asyncio.create_task(waiter(inner, None))
    await ticks(2)
    w.cancel("from outside, no timeout")
    await w
    print("   inner cancelled", inner.cancelled())

asyncio.run(main())
