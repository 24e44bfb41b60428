import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def value():
    await asyncio.sleep(0)
    return 5


async def fail():
    await asyncio.sleep(0)
    raise ValueError("failed")


async def self_cancel_then_return():
    me = asyncio.current_task()
    print("self cancel ->", me.cancel("self"))
    print("still running; cancelling", me.cancelling())
    return "returned anyway"


async def self_cancel_then_await():
    me = asyncio.current_task()
    me.cancel("self2")
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError as e:
        print("cancelled at the next await", repr(str(e)))
        raise


async def main():
    t = asyncio.create_task(value())
    await t
    attempt("cancel done task", t.cancel)
    print("cancelling stays", t.cancelling(), "cancelled", t.cancelled())

    t = asyncio.create_task(fail())
    try:
        await t
    except ValueError:
        pass
    attempt("cancel failed task", t.cancel)
    attempt("exception kept", lambda: str(t.exception()))

    t = asyncio.create_task(value())
    attempt("cancel pending", t.cancel)
    attempt("cancel pending again", t.cancel)
    await asyncio.sleep(0)
    attempt("cancel cancelled task", t.cancel)
    print("cancelling", t.cancelling())

    t = asyncio.create_task(self_cancel_then_return())
    await asyncio.sleep(0)
    print("self-cancelled task: done", t.done(), "cancelled", t.cancelled())
    attempt("result", t.result)
    attempt("result again", t.result)

    t = asyncio.create_task(self_cancel_then_await())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", repr(str(e)))

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    attempt("future cancel", f.cancel)
    attempt("future cancel again", f.cancel)
    f = loop.create_future()
    f.set_result(1)
    attempt("finished future cancel", f.cancel)


asyncio.run(main())
