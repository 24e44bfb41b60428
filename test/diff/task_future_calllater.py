import asyncio


async def waiter(name, fut):
    print(name, "waits")
    try:
        v = await fut
        print(name, "got", repr(v))
        return v
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise
    except ValueError as e:
        print(name, "raised", type(e).__name__, str(e))
        return None


async def main():
    loop = asyncio.get_running_loop()

    f1 = loop.create_future()
    loop.call_later(0.1, f1.set_result, "one")
    print("main waits f1")
    print("main got", await f1)

    f2 = loop.create_future()
    loop.call_later(0.05, f2.set_exception, ValueError("timer error"))
    try:
        await f2
    except ValueError as e:
        print("main f2 raised", type(e).__name__, str(e))

    shared = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, shared)) for n in ("w1", "w2", "w3")]
    loop.call_later(0.05, shared.set_result, 99)
    print("results", [await t for t in tasks])

    shared2 = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, shared2)) for n in ("x1", "x2")]
    await asyncio.sleep(0)
    loop.call_later(0.05, shared2.cancel, "timer cancel")
    for t in tasks:
        try:
            await t
        except asyncio.CancelledError as e:
            print("main:", t.get_name(), "cancelled", t.cancelled())

    shared3 = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, shared3)) for n in ("y1", "y2")]
    loop.call_later(0.025, shared3.set_exception, ValueError("shared error"))
    print("results", [await t for t in tasks])

    order = []
    fa, fb = loop.create_future(), loop.create_future()
    loop.call_later(0.15, fa.set_result, "a")
    loop.call_later(0.05, fb.set_result, "b")
    fa.add_done_callback(lambda f: order.append(f.result()))
    fb.add_done_callback(lambda f: order.append(f.result()))
    await fa
    print("completion order", order)


asyncio.run(main())
