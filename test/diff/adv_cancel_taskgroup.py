import asyncio

# TaskGroup and cancellation counts: external cancels, a failing child, timeouts around and
# inside the group, cancels that arrive while the group waits for its children on exit.


class Boom(Exception):
    pass


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise


async def holdout(name, n):
    # resists cancellation for n ticks, then finishes
    for i in range(n):
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print(name, "ignores cancel", repr(str(e)))
    print(name, "finishes")
    return name


async def fail_after(n, msg):
    await ticks(n)
    print("raising", msg)
    raise Boom(msg)


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(show(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def guarded(label, coro):
    me = asyncio.current_task()
    try:
        r = await coro
        print(label, "returned", repr(r), "cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        print(label, "CancelledError", repr(str(e)), "cancelling", me.cancelling())
        raise
    except BaseException as e:
        print(label, "raised", show(e), "cancelling", me.cancelling())


async def run_task(label, coro, cancel_after=None, msg=None, again_after=None, msg2=None):
    t = asyncio.create_task(guarded(label, coro))
    if cancel_after is not None:
        await ticks(cancel_after)
        print("cancel", label, "->", t.cancel(msg))
        if again_after is not None:
            await ticks(again_after)
            print("cancel again", label, "->", t.cancel(msg2))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main:", label, "cancelled", repr(str(e)), "cancelling", t.cancelling())


async def main():
    print("-- external cancel while the body awaits")

    async def body1():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("c1"))
            await asyncio.sleep(10)

    await run_task("g1", body1(), cancel_after=2, msg="ext1")

    print("-- a child fails while the parent was cancelled externally too")

    async def body2():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, "b2"))
            tg.create_task(sleeper("c2"))
            await asyncio.sleep(10)

    await run_task("g2", body2(), cancel_after=3, msg="ext2")

    print("-- external cancel while the group waits for its children on exit")

    async def body3():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(holdout("s3", 3))
            tg.create_task(sleeper("c3"))
        return "body3 done"

    await run_task("g3", body3(), cancel_after=1, msg="ext3", again_after=1, msg2="ext3b")

    print("-- a timeout around the group expires while it waits on exit")

    async def body4():
        async with asyncio.timeout(0) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(holdout("s4", 2))
                tg.create_task(sleeper("c4"))
        return "unreached"

    await run_task("g4", body4())

    print("-- a timeout inside the body and a failing child in the same iteration")

    async def body5():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0, "b5"))
            try:
                async with asyncio.timeout(0):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("body5: TimeoutError (the timeout owned it)")
            except asyncio.CancelledError:
                print("body5: CancelledError passes through, cancelling", asyncio.current_task().cancelling())
                raise

    await run_task("g5", body5())

    print("-- a timeout inside the body, the failing child one tick later")

    async def body6():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(2, "b6"))
            try:
                async with asyncio.timeout(0):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("body6: TimeoutError, cancelling", asyncio.current_task().cancelling())
            await asyncio.sleep(10)

    await run_task("g6", body6())

    print("-- nested groups: the inner child fails")

    async def body7():
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sleeper("o7"))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(sleeper("i7"))
                inner.create_task(fail_after(1, "b7"))
            print("not reached")

    await run_task("g7", body7())

    print("-- the body swallows the group's cancellation and finishes normally")

    async def body8():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, "b8"))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("body8 swallows", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
            return "body8"

    await run_task("g8", body8())

    print("-- the parent is cancelled before the group starts waiting")

    async def body9():
        asyncio.current_task().cancel("self9")
        async with asyncio.TaskGroup() as tg:
            tg.create_task(holdout("s9", 1))
        return "body9"

    await run_task("g9", body9())


asyncio.run(main())
