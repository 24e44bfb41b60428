import asyncio

async def work(name, delay, exc=None):
    print("work start", name)
    try:
        await asyncio.sleep(delay)
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
    inner = asyncio.create_task(work("a", 0.02))
    async def waiter():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            print("waiter cancelled; inner done?", inner.done())
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.005)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled", w.cancelled())
    print("inner result", await inner)

    print("-- cancelling the shield future itself")
    inner = asyncio.create_task(work("b", 0.01))
    s = asyncio.shield(inner)
    await asyncio.sleep(0.001)
    print("cancel", s.cancel(), "s cancelled", s.cancelled(), "inner cancelled", inner.cancelled())
    print("inner result", await inner)

    print("-- shield of a coroutine")
    s = asyncio.shield(work("c", 0.01))
    await asyncio.sleep(0.001)
    s.cancel()
    print("after cancel", s.cancelled())
    await asyncio.sleep(0.02)

    print("-- inner fails")
    inner = asyncio.create_task(work("d", 0.002, exc=ValueError("broken")))
    try:
        await asyncio.shield(inner)
    except ValueError as e:
        print("shield raised", type(e).__name__, str(e))

    print("-- inner fails after the outer was cancelled")
    inner = asyncio.create_task(work("e", 0.01, exc=ValueError("unseen")))
    s = asyncio.shield(inner)
    await asyncio.sleep(0.001)
    s.cancel()
    try:
        await inner
    except ValueError as e:
        print("inner raised", str(e))

    print("-- inner cancelled directly")
    inner = asyncio.create_task(work("f", 0.05))
    s = asyncio.shield(inner)
    await asyncio.sleep(0.001)
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
    inner = asyncio.create_task(work("g", 0.02))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.003)
    except TimeoutError:
        print("timed out; inner done?", inner.done())
    print("inner result", await inner)

asyncio.run(main())
