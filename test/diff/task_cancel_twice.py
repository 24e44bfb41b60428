import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def victim(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)))
        raise


async def waits_on(inner):
    try:
        await inner
    except asyncio.CancelledError as e:
        print("outer caught", repr(str(e)))
        raise


async def main():
    # awaiting a future: the second cancel() finds it cancelled already
    t = asyncio.create_task(victim("v"))
    await asyncio.sleep(0)
    print("cancel one ->", t.cancel("one"))
    print("cancel two ->", t.cancel("two"))
    print("cancelling", t.cancelling())
    await asyncio.sleep(0)
    print("cancelled", t.cancelled(), "cancelling", t.cancelling())
    attempt("result", t.result)

    # awaiting a task
    inner = asyncio.create_task(victim("inner"))
    outer = asyncio.create_task(waits_on(inner))
    await asyncio.sleep(0)
    print("cancel outer a ->", outer.cancel("a"))
    print("cancel outer b ->", outer.cancel("b"))
    print("cancelling", outer.cancelling(), inner.cancelling())
    try:
        await outer
    except asyncio.CancelledError as e:
        print("main caught", repr(str(e)))
    print("inner cancelled", inner.cancelled(), "outer cancelled", outer.cancelled())


asyncio.run(main())
