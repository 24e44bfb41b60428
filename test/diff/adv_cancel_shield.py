import asyncio

# shield(): the awaiting task is cancelled while the inner work goes on; what happens to the
# inner work's result or exception once the outer future is cancelled. Steps are driven by gates
# and a fixed number of sleep(0) ticks.

log = []


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def work(name, gate, exc=None):
    print("work start", name)
    try:
        v = await gate
    except asyncio.CancelledError as e:
        print("work cancelled", name, repr(str(e)))
        raise
    if exc is not None:
        print("work fails", name)
        raise exc
    print("work returns", name)
    return name + "-" + str(v)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: log.append(ctx["message"] + " " + type(ctx.get("exception")).__name__))

    print("-- the awaiting task is cancelled with a message")
    gate = loop.create_future()
    inner = asyncio.create_task(work("a", gate))

    async def waiter(aw):
        try:
            return await asyncio.shield(aw)
        except asyncio.CancelledError as e:
            me = asyncio.current_task()
            print("waiter cancelled", repr(str(e)), "cancelling", me.cancelling())
            raise

    w = asyncio.create_task(waiter(inner))
    await ticks(1)
    print("cancel ->", w.cancel("m1"), "inner cancelling", inner.cancelling())
    try:
        await w
    except asyncio.CancelledError as e:
        print("main: w", repr(str(e)), "inner done", inner.done())
    gate.set_result(1)
    print("inner result", await inner)

    print("-- the task finishes the work after the shield was cancelled, then is cancelled again")

    async def finisher(t):
        try:
            return await asyncio.shield(t)
        except asyncio.CancelledError as e:
            print("finisher: first cancel", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
            try:
                return await t
            except asyncio.CancelledError as e2:
                print("finisher: second cancel", repr(str(e2)), "cancelling", asyncio.current_task().cancelling())
                raise

    gate = loop.create_future()
    inner = asyncio.create_task(work("b", gate))
    fin = asyncio.create_task(finisher(inner))
    await ticks(1)
    fin.cancel("c1")
    await ticks(1)
    print("fin done", fin.done(), "inner done", inner.done())
    fin.cancel("c2")
    try:
        await fin
    except asyncio.CancelledError as e:
        print("main: fin", repr(str(e)), "inner cancelled", inner.cancelled())

    print("-- the same, but the task swallows the first cancellation and the work finishes")
    gate = loop.create_future()
    inner = asyncio.create_task(work("c", gate))
    fin = asyncio.create_task(finisher(inner))
    await ticks(1)
    fin.cancel("c3")
    await ticks(1)
    gate.set_result(3)
    print("fin result", await fin, "cancelling", fin.cancelling(), "cancelled", fin.cancelled())

    print("-- the inner work finishes in the iteration the waiting task is cancelled")
    gate = loop.create_future()
    inner = asyncio.create_task(work("d", gate))
    w = asyncio.create_task(waiter(inner))
    await ticks(1)
    gate.set_result(4)
    await asyncio.sleep(0)
    print("inner done", inner.done(), "w waiting")
    print("cancel ->", w.cancel("m-late"))
    try:
        print("w result", await w)
    except asyncio.CancelledError as e:
        print("main: w", repr(str(e)), "inner result", inner.result())

    print("-- the inner work fails in the iteration the shield is cancelled (retrieved by shield)")
    gate = loop.create_future()
    s = asyncio.shield(work("e", gate, ValueError("e-err")))
    await ticks(1)
    gate.set_result(5)
    await asyncio.sleep(0)
    print("cancel shield ->", s.cancel("m-e"))
    await ticks(3)

    print("-- the inner work is cancelled after the shield was")
    gate = loop.create_future()
    inner = asyncio.create_task(work("f", gate))
    s = asyncio.shield(inner)
    await ticks(1)
    s.cancel()
    await ticks(1)
    inner.cancel("f-msg")
    await ticks(1)
    print("s cancelled", s.cancelled(), "inner cancelled", inner.cancelled())

    print("-- the task cancels itself, then awaits a shield")

    async def self_cancel(t):
        asyncio.current_task().cancel("self")
        try:
            await asyncio.shield(t)
        except asyncio.CancelledError as e:
            print("self_cancel:", repr(str(e)), "inner done", t.done())
            return "resisted"

    gate = loop.create_future()
    inner = asyncio.create_task(work("g", gate))
    sc = asyncio.create_task(self_cancel(inner))
    print("sc result", await sc, "cancelling", sc.cancelling())
    gate.set_result(7)
    print("inner result", await inner)

    print("-- inner cancelled directly: the shield's waiter sees a message-less CancelledError")
    gate = loop.create_future()
    inner = asyncio.create_task(work("h", gate))
    w = asyncio.create_task(waiter(inner))
    await ticks(1)
    inner.cancel("h-msg")
    try:
        await w
    except asyncio.CancelledError as e:
        print("main: w", repr(str(e)), "cancelled", w.cancelled(), "cancelling", w.cancelling())
    print("log in main", log)


asyncio.run(main())
print("log", log)
