import asyncio


class AppError(Exception):
    pass


async def ret_in_finally(name):
    try:
        await asyncio.sleep(1)
        return "body"
    finally:
        print(name, "finally returns, swallowing whatever was raised")
        return "from finally"


async def await_then_ret_in_finally(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "finally awaits first")
        await asyncio.sleep(0)
        print(name, "finally returns")
        return "late finally"


async def break_in_finally(name):
    n = 0
    while True:
        n += 1
        try:
            await asyncio.sleep(1)
        finally:
            print(name, "finally breaks out of loop", n)
            break
    print(name, "after the loop")
    await asyncio.sleep(0)
    return "broke %d" % n


async def continue_in_finally(name):
    n = 0
    while n < 3:
        n += 1
        try:
            await asyncio.sleep(0.05 if n < 3 else 0)
        finally:
            print(name, "finally continues", n)
            continue
    return "continued %d" % n


async def raise_in_finally(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "finally raises AppError")
        raise AppError("replaces the cancel")


async def return_then_finally_awaits(name):
    try:
        await asyncio.sleep(0)
        return "returned"
    finally:
        print(name, "finally awaits after the return")
        await asyncio.sleep(0)
        print(name, "finally done")


async def outer(name, fn):
    try:
        r = await fn(name)
        print(name, "outer got", repr(r))
        return r
    except asyncio.CancelledError as e:
        print(name, "outer sees CancelledError", repr(str(e)))
        raise
    except AppError as e:
        print(name, "outer sees AppError", repr(str(e)))
        raise
    finally:
        print(name, "outer finally")


async def main():
    cases = [
        ("ret", ret_in_finally, 0, 1),
        ("await_ret", await_then_ret_in_finally, 0, 1),
        ("brk", break_in_finally, 0, 1),
        ("cont", continue_in_finally, 0, 2),
        ("raise", raise_in_finally, 0, 1),
        ("ret_fin", return_then_finally_awaits, 0, 0),
        ("ret_fin_cancel", return_then_finally_awaits, 1, 1),
    ]
    for name, fn, delay, cancels in cases:
        print("==", name)
        t = asyncio.create_task(outer(name, fn))
        for i in range(delay):
            await asyncio.sleep(0)
        for i in range(cancels):
            await asyncio.sleep(0)
            print("cancel ->", t.cancel("%s-%d" % (name, i)), t.cancelling())
        try:
            r = await t
            print("result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling())
        except asyncio.CancelledError as e:
            print("raised CancelledError", repr(str(e)))
        except AppError as e:
            print("raised AppError", repr(str(e)), "cancelled", t.cancelled())
    print("== cont, not cancelled")
    print("result", await outer("plain", continue_in_finally))


asyncio.run(main())
