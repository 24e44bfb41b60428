import asyncio

# Work finishes when the main task releases its gate (or never: gate=None), so no ordering
# depends on the clock.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def work(name, gate=None, exc=None):
    print("work start", name)
    try:
        if gate is None:
            await asyncio.sleep(10)
        else:
            await gate
    except asyncio.CancelledError:
        print("work cancelled", name)
        raise
    if exc is not None:
        print("work fails", name)
        raise exc
    print("work end", name)
    return name + "-result"

async def main():
    loop = asyncio.get_running_loop()

    print("-- the awaiting task is cancelled, the inner task goes on")
    gate = loop.create_future()
    inner = asyncio.create_task(work("a", gate))
    async def waiter():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            print("waiter cancelled; inner done?", inner.done())
            raise
    w = asyncio.create_task(waiter())
    await ticks(2)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled", w.cancelled())
    gate.set_result(None)
    print("inner result", await inner)

    print("-- cancelling the shield future itself")
    gate = loop.create_future()
    inner = asyncio.create_task(work("b", gate))
    s = asyncio.shield(inner)
    await ticks(1)
    print("cancel", s.cancel(), "s cancelled", s.cancelled(), "inner cancelled", inner.cancelled())
    gate.set_result(None)
    print("inner result", await inner)

    print("-- shield of a coroutine")
    gate = loop.create_future()
    s = asyncio.shield(work("c", gate))
    await ticks(1)
    s.cancel()
    print("after cancel", s.cancelled())
    gate.set_result(None)
    await ticks(2)

    print("-- inner fails")
    gate = loop.create_future()
    loop.call_soon(gate.set_result, None)
    inner = asyncio.create_task(work("d", gate, exc=ValueError("broken")))
    try:
        await asyncio.shield(inner)
    except ValueError as e:
        print("shield raised", type(e).__name__, str(e))

    print("-- inner fails after the outer was cancelled")
    gate = loop.create_future()
    inner = asyncio.create_task(work("e", gate, exc=ValueError("unseen")))
    s = asyncio.shield(inner)
    await ticks(1)
    s.cancel()
    gate.set_result(None)
    try:
        await inner
    except ValueError as e:
        print("inner raised", str(e))

    print("-- inner cancelled directly")
    inner = asyncio.create_task(work("f"))
    s = asyncio.shield(inner)
    await ticks(1)
    inner.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled too", s.cancelled())

    print("-- shield of a done future is the future itself")
    f = loop.create_future()
    f.set_result(5)
    print("same", asyncio.shield(f) is f)
    print("value", await asyncio.shield(f))

    print("-- shield + wait_for: the timeout does not stop the work")
    gate = loop.create_future()
    inner = asyncio.create_task(work("g", gate))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.003)
    except TimeoutError:
        print("timed out; inner done?", inner.done())
    gate.set_result(None)
    print("inner result", await inner)

asyncio.run(main())
