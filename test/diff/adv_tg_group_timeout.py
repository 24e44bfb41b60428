import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def sleeper(name, on_cancel=None, cleanup=0):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        # Printed after the cleanup: siblings cancelled by one abort are cancelled in the order
        # of a set (of tasks, by address), so their cleanups differ in length.
        await ticks(cleanup)
        print("  ", name, "cancelled", repr(str(e)))
        if on_cancel is not None:
            raise on_cancel(name + "-cleanup")
        raise
    return name

async def fail_after(name, n, exc=ValueError):
    await ticks(n)
    if exc is None:
        print("  ", name, "finishes")
        return name
    print("  ", name, "raises")
    raise exc(name)

async def late(name, ev):
    await ev.wait()
    await ticks(2)
    print("  ", name, "finishes late")
    return name

def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"

async def scenario(label, body, cancel_after=None):
    print("--", label)
    async def runner():
        me = asyncio.current_task()
        try:
            r = await body()
            print("  result", repr(r))
        except asyncio.CancelledError as e:
            print("  CancelledError", repr(str(e)), "cancelling", me.cancelling())
            raise
        except BaseException as e:
            print("  raised", fmt(e))
        print("  cancelling", me.cancelling())
        await ticks(1)
        return "runner done"
    t = asyncio.create_task(runner())
    if cancel_after is not None:
        await ticks(cancel_after)
        t.cancel("outside")
    try:
        print("  task ->", await t)
    except asyncio.CancelledError as e:
        print("  task cancelled", repr(str(e)))

async def main():
    cms = {}

    async def t1():
        async with asyncio.timeout(0.01) as cm:
            cms["t1"] = cm
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sleeper("c1", KeyError))
                tg.create_task(sleeper("c2", cleanup=1))
                await asyncio.sleep(10)
    await scenario("timeout expires in a group body, a child's cleanup fails: the group error passes the timeout", t1)
    print("  expired", cms["t1"].expired(), repr(cms["t1"]))

    async def t2():
        async with asyncio.timeout(0.01) as cm:
            cms["t2"] = cm
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sleeper("c1", cleanup=2))
                tg.create_task(sleeper("c2", cleanup=1))
    await scenario("timeout expires while the group waits on exit: TimeoutError", t2)
    print("  expired", cms["t2"].expired(), repr(cms["t2"]))

    async def child_with_timeout(name):
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    async def t3():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child_with_timeout("k1"))
            tg.create_task(sleeper("k2"))
    await scenario("a child's own timeout expires: TimeoutError inside the group", t3)

    async def t4():
        async with asyncio.timeout(0) as cm:
            cms["t4"] = cm
            try:
                await ticks(3)
            except asyncio.CancelledError:
                raise LookupError("body converted")
    await scenario("timeout body converts the cancellation into another error", t4)
    print("  expired", cms["t4"].expired(), repr(cms["t4"]))

    async def t5():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("c1"))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("  body got", repr(str(e)), "cancelling", me.cancelling())
                raise ValueError("body replaces the external cancel")
    await scenario("external cancel, the body raises another error", t5, cancel_after=1)

    async def t6():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after("f1", 1))
            tg.create_task(sleeper("c2"))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  body uncancels ->", me.uncancel(), "then again ->", me.uncancel())
                raise
    await scenario("the body uncancels the group's own cancel before the group does", t6)

    async def t7():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            me.cancel("self")
            print("  self-cancel requested, cancelling", me.cancelling())
        print("  group exited without suspending")
        await ticks(1)
        print("  not reached")
    await scenario("self-cancel inside an empty group body: delivered at the next await", t7)

    async def t8():
        async with asyncio.TaskGroup() as tg:
            try:
                async with asyncio.timeout(0.01) as cm:
                    cms["t8"] = cm
                    tg.create_task(sleeper("c1", cleanup=1))
                    await asyncio.sleep(10)
            except TimeoutError:
                print("  body caught its TimeoutError, expired", cm.expired(), repr(tg))
            tg.create_task(fail_after("f2", 1, KeyError))
            await ticks(3)
    await scenario("timeout inside a group body expires; later a child fails", t8)

    async def t9():
        async with asyncio.timeout(5) as outer:
            cms["t9"] = outer
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail_after("f3", 0))
                async with asyncio.timeout(5):
                    await asyncio.sleep(10)
    await scenario("a child fails before either timeout: the group error, timeouts untouched", t9)
    print("  outer expired", cms["t9"].expired(), repr(cms["t9"]))

    async def t10():
        async with asyncio.timeout(0.01) as cm:
            cms["t10"] = cm
            async with asyncio.TaskGroup() as tg:
                ev = asyncio.Event()
                c = tg.create_task(late("c1", ev))
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print("  body swallows the timeout's cancel")
                ev.set()
                await ticks(1)
                print("  body done, c1 done", c.done())
            print("  after the group: c1", c.result(), "expired", cm.expired())
        return "t10 done"
    await scenario("the group body swallows the timeout's cancel: the group waits for its child", t10)

    async def t11():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("c1"))
            await asyncio.wait_for(sleeper("w", cleanup=1), 0.01)
    await scenario("wait_for timing out inside a group body: TimeoutError is the body's error", t11)

asyncio.run(main())
