import asyncio


async def body(name):
    print(name, "body started")
    try:
        await asyncio.sleep(0)
    finally:
        print(name, "finally")
    return name


async def main():
    t = asyncio.create_task(body("a"))
    print("cancel ->", t.cancel())
    print("right after cancel: done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    await asyncio.sleep(0)
    print("after one iteration: done", t.done(), "cancelled", t.cancelled())

    t = asyncio.create_task(body("b"))
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised", type(e).__name__, repr(str(e)))

    # Python 3.11: uncancel() does not withdraw a pending cancellation (_must_cancel stays)
    t = asyncio.create_task(body("c"))
    t.cancel()
    print("uncancel ->", t.uncancel())
    await asyncio.sleep(0)
    print("c cancelled", t.cancelled())

    # cancelled before start, inside gather with return_exceptions
    t1 = asyncio.create_task(body("d"))
    t2 = asyncio.create_task(body("e"))
    t1.cancel()
    res = await asyncio.gather(t1, t2, return_exceptions=True)
    print("gather", [type(r).__name__ for r in res])

    # a cancelled task's done callbacks run
    t = asyncio.create_task(body("f"))
    t.add_done_callback(lambda f: print("callback: cancelled", f.cancelled()))
    t.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
