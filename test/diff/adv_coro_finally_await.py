import asyncio


def cur():
    return asyncio.current_task().cancelling()


async def ticker(name, n):
    for i in range(n):
        print(name, "tick", i)
        await asyncio.sleep(0)


async def two_finallies(name):
    try:
        try:
            await asyncio.sleep(1)
        finally:
            print(name, "inner finally start", cur())
            await asyncio.sleep(0)
            print(name, "inner finally after sleep(0)")
            await asyncio.sleep(0)
            print(name, "inner finally end")
    finally:
        print(name, "outer finally start")
        await asyncio.sleep(0)
        print(name, "outer finally end")


async def resist(name, fut):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)), cur())
        v = await fut
        print(name, "awaited again, got", repr(v), cur())
        print(name, "uncancel ->", asyncio.current_task().uncancel())
        return "resisted " + v


async def resist_twice(name):
    caught = 0
    while True:
        try:
            await asyncio.sleep(0.1)
            return "slept"
        except asyncio.CancelledError as e:
            caught += 1
            print(name, "caught", caught, repr(str(e)), cur())
            if caught == 3:
                return "gave up after %d" % caught
            try:
                await asyncio.sleep(0)
                print(name, "slept 0 after catch", caught)
            except asyncio.CancelledError as e2:
                print(name, "cancelled inside except", repr(str(e2)), cur())


async def self_cancel_in_finally(name):
    try:
        await asyncio.sleep(0)
        return "body"
    finally:
        print(name, "finally cancels its own task ->", asyncio.current_task().cancel("self"), cur())
        try:
            await asyncio.sleep(0)
            print(name, "not reached")
        except asyncio.CancelledError as e:
            print(name, "finally await raised", repr(str(e)), cur())
        await asyncio.sleep(0)
        print(name, "finally goes on")


async def show(t):
    try:
        r = await t
        print("  result", repr(r))
    except asyncio.CancelledError as e:
        print("  raised CancelledError", repr(str(e)))
    print("  cancelled", t.cancelled(), "cancelling", t.cancelling())


async def main():
    print("== one cancel, finally blocks await while a ticker runs")
    t = asyncio.create_task(two_finallies("a"))
    await asyncio.sleep(0)
    k = asyncio.create_task(ticker("k", 6))
    t.cancel("c1")
    await show(t)
    await k

    print("== a second cancel while the inner finally awaits")
    t = asyncio.create_task(two_finallies("b"))
    await asyncio.sleep(0)
    t.cancel("first")
    await asyncio.sleep(0)
    print("main: second cancel ->", t.cancel("second"), t.cancelling())
    await show(t)

    print("== catch, then await a future another task resolves")
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(resist("r", fut))
    await asyncio.sleep(0)
    t.cancel("go away")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: t still pending", not t.done(), t.cancelling())
    asyncio.get_running_loop().call_soon(fut.set_result, "value")
    await show(t)

    print("== catch repeatedly, cancelled again inside the except")
    t = asyncio.create_task(resist_twice("w"))
    await asyncio.sleep(0)
    t.cancel("one")
    await asyncio.sleep(0)
    print("main: cancel in except ->", t.cancel("two"), t.cancelling())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: third cancel ->", t.cancel("three"), t.cancelling())
    await asyncio.sleep(0)
    print("main: fourth cancel ->", t.cancel("four"), t.cancelling())
    await show(t)

    print("== self-cancel inside finally")
    t = asyncio.create_task(self_cancel_in_finally("s"))
    await show(t)


asyncio.run(main())
