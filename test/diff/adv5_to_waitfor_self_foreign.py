import asyncio

# wait_for() of awkward targets: the task that runs it (with timeouts 0, -1, tiny, inf and None),
# a future of another loop, futures cancelled by a third party while waited for, a gather whose
# children resist. What each raises, the message, cancelling() of both sides, how many loop
# iterations it took (a call_soon ticker), and that the task still works afterwards.
INF = float("inf")


def fmt(e):
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def main():
    loop = asyncio.get_running_loop()
    st = {"n": 0, "on": True}

    def tick():
        st["n"] += 1
        if st["on"]:
            loop.call_soon(tick)

    loop.call_soon(tick)
    await asyncio.sleep(0)

    print("-- wait_for(current_task(), t) in a fresh task")

    async def selfwait(to):
        me = asyncio.current_task()
        n0 = st["n"]
        try:
            r = await asyncio.wait_for(me, to)
            print("  returned", repr(r))
        except RuntimeError as e:
            print("  RuntimeError", repr(str(e).split(":")[0]), "ticks", st["n"] - n0, "cancelling", me.cancelling())
        except asyncio.CancelledError as e:
            print("  CancelledError", repr(str(e)), "ticks", st["n"] - n0, "cancelling", me.cancelling())
            print("  uncancel ->", me.uncancel())
        try:
            await asyncio.sleep(0)
            print("  sleep(0) after it works, cancelling", me.cancelling())
        except asyncio.CancelledError as e:
            print("  sleep(0) after it cancelled", repr(str(e)))
            raise
        return "selfwait %r done" % (to,)

    for to in (0, -1, -INF, 1e-9, None):
        print("timeout", to)
        t = asyncio.create_task(selfwait(to))
        try:
            print(" ", await t, "cancelling", t.cancelling())
        except asyncio.CancelledError as e:
            print("  task cancelled", repr(str(e)))

    print("timeout inf, cancelled from outside")
    t = asyncio.create_task(selfwait(INF))
    for _ in range(3):
        await asyncio.sleep(0)
    print("  cancel ->", t.cancel("ext"), "cancelling", t.cancelling())
    try:
        print(" ", await t, "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print("  task cancelled", repr(str(e)))

    print("-- wait_for(a future of another loop, t)")
    other = asyncio.new_event_loop()
    for to in (None, 0, 1, INF):
        fut = other.create_future()

        async def foreign():
            try:
                await asyncio.wait_for(fut, to)
            except RuntimeError as e:
                msg = str(e)
                print("  timeout", to, "RuntimeError from the task step", msg.startswith("Task "), msg.endswith("attached to a different loop"))
            except ValueError as e:
                print("  timeout", to, "rejected:", "different loop" in str(e))
            await asyncio.sleep(0)
            return "goes on"

        print("  ->", await asyncio.create_task(foreign()), "foreign pending", not fut.done())
    other.close()

    print("-- a waited-for future cancelled by a third party")
    for to in (INF, 10, None):
        f = loop.create_future()
        loop.call_soon(f.cancel, "third party")
        me = asyncio.current_task()
        n0 = st["n"]
        try:
            await asyncio.wait_for(f, to)
        except asyncio.TimeoutError as e:
            print("  timeout", to, "TimeoutError?!")
        except asyncio.CancelledError as e:
            print("  timeout", to, "CancelledError", repr(str(e)), "ticks", st["n"] - n0, "cancelling", me.cancelling())

    async def resister(name, k):
        try:
            await asyncio.sleep(INF)
        except asyncio.CancelledError as e:
            print("   ", name, "cancelled", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
            for _ in range(k):
                await asyncio.sleep(0)
            return name + " resisted"

    print("-- a task cancelled by a third party that resists: wait_for returns its value")
    for to in (INF, 10, None):
        t = asyncio.create_task(resister("r", 2))
        await asyncio.sleep(0)
        loop.call_soon(t.cancel, "third party")
        n0 = st["n"]
        r = await asyncio.wait_for(t, to)
        print("  timeout", to, "->", repr(r), "ticks", st["n"] - n0, "inner cancelling", t.cancelling())

    print("-- wait_for(gather(...), t) where the children resist cancellation")
    for to in (0, 1e-9, -5):
        a = asyncio.create_task(resister("a", 1))
        b = asyncio.create_task(resister("b", 3))
        await asyncio.sleep(0)
        g = asyncio.gather(a, b)
        n0 = st["n"]
        try:
            r = await asyncio.wait_for(g, to)
            print("  timeout", to, "->", repr(r), "ticks", st["n"] - n0)
        except BaseException as e:
            print("  timeout", to, fmt(e), "ticks", st["n"] - n0)
        print("  gather cancelled", g.cancelled(), "a", a.result(), "b", b.result())

    print("-- wait_for(gather(...), t) where the children give in")
    for to in (0, 1e-9):
        a = asyncio.create_task(asyncio.sleep(INF))
        b = asyncio.create_task(asyncio.sleep(INF))
        await asyncio.sleep(0)
        g = asyncio.gather(a, b, return_exceptions=True)
        n0 = st["n"]
        try:
            r = await asyncio.wait_for(g, to)
            print("  timeout", to, "->", repr(r), "ticks", st["n"] - n0)
        except BaseException as e:
            print("  timeout", to, fmt(e), "cause", type(e.__cause__).__name__, "ticks", st["n"] - n0)
        print("  gather cancelled", g.cancelled(), "a", a.cancelled(), "b", b.cancelled())

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
