import asyncio

# Cancellation meeting cleanup code: a second cancel while a finally block awaits, a task that
# catches CancelledError and returns, cancel() requested inside finally / right before return,
# several cancels with different messages, a cancel that lands after the awaited future is done.


class Oops(Exception):
    pass


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def outcome(label, t):
    try:
        r = await t
        print(label, "result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling())
    except Exception as e:
        print(label, "raised", type(e).__name__, repr(str(e)), "cancelling", t.cancelling())


async def cleanup_in_finally(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(name, "finally starts")
        try:
            await ticks(3)
            print(name, "cleanup done")
        except asyncio.CancelledError as e:
            print(name, "cleanup interrupted", repr(str(e)))
            raise


async def catch_and_return(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)))
        await asyncio.sleep(0)
        return name + " returned"


async def except_then_await(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e2:
            print(name, "caught again", repr(str(e2)))
            raise


async def cancel_in_finally(name):
    try:
        await asyncio.sleep(0)
        return 5
    finally:
        print(name, "cancels itself in finally ->", asyncio.current_task().cancel("fin"))


async def cancel_then_raise(name):
    await asyncio.sleep(0)
    asyncio.current_task().cancel("ignored")
    raise Oops("after cancel")


async def cancel_then_catch_then_return(name):
    me = asyncio.current_task()
    me.cancel("one")
    me.cancel("two")
    print(name, "cancelling", me.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)), "cancelling", me.cancelling())
    print(name, "uncancel ->", me.uncancel(), me.uncancel(), me.uncancel())
    await asyncio.sleep(0)
    return "survived"


async def never_started(name):
    print(name, "should not run")


async def waits_on(fut, name):
    try:
        v = await fut
        print(name, "got", v)
        return v
    except asyncio.CancelledError as e:
        print(name, "cancelled although the future is done:", fut.done(), "result", fut.result(), repr(str(e)))
        raise


async def main():
    loop = asyncio.get_running_loop()

    print("-- a second cancel while finally awaits")
    t = asyncio.create_task(cleanup_in_finally("f1"))
    await ticks(1)
    t.cancel("first")
    await ticks(2)
    print("cancel again ->", t.cancel("second"))
    await outcome("f1", t)

    print("-- the finally block completes: the first message stays")
    t = asyncio.create_task(cleanup_in_finally("f2"))
    await ticks(1)
    t.cancel("first")
    await outcome("f2", t)

    print("-- catch CancelledError and return a value")
    t = asyncio.create_task(catch_and_return("c1"))
    await ticks(1)
    print("cancel ->", t.cancel("please"))
    await outcome("c1", t)
    print("uncancel ->", t.uncancel(), "cancel done task ->", t.cancel())

    print("-- the except block awaits and is cancelled again")
    t = asyncio.create_task(except_then_await("e1"))
    await ticks(1)
    t.cancel("m1")
    await ticks(1)
    t.cancel("m2")
    await outcome("e1", t)

    print("-- cancel() inside finally after return")
    t = asyncio.create_task(cancel_in_finally("r1"))
    await outcome("r1", t)
    attempt("r1 result again", t.result)

    print("-- cancel() then raise another exception")
    t = asyncio.create_task(cancel_then_raise("x1"))
    await outcome("x1", t)

    print("-- two self-cancels, caught, uncancel below zero")
    t = asyncio.create_task(cancel_then_catch_then_return("s1"))
    await outcome("s1", t)

    print("-- cancelled twice before the first step, different messages")
    t = asyncio.create_task(never_started("n1"))
    print("cancel a ->", t.cancel("a"), "cancel b ->", t.cancel("b"), "cancelling", t.cancelling())
    await outcome("n1", t)
    attempt("n1 result", t.result)

    print("-- cancelled after its future got a result, before the wake-up ran")
    fut = loop.create_future()
    t = asyncio.create_task(waits_on(fut, "w1"))
    await ticks(1)
    fut.set_result(42)
    print("cancel ->", t.cancel("late"))
    await outcome("w1", t)

    print("-- cancelled after its future failed, before the wake-up ran")
    fut = loop.create_future()
    t = asyncio.create_task(waits_on(fut, "w2"))
    await ticks(1)
    fut.set_exception(Oops("fut failed"))
    print("cancel ->", t.cancel("late2"))
    await outcome("w2", t)
    attempt("fut exception", lambda: str(fut.exception()))


asyncio.run(main())
