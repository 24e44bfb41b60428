import asyncio

# A task cancels itself (the request stays pending: nothing has suspended yet), then awaits a
# coroutine that ends without suspending, raising a CancelledError of its own (from a cancelled
# task it awaits, or raised outright) or another error. The request was never delivered, so it
# stays with the task: at the task's next suspension, or when it returns.


async def dead_task():
    await asyncio.sleep(10)


async def body(how, dead):
    if how == "awaits-cancelled-task":
        return await dead
    if how == "raises-cancelled":
        raise asyncio.CancelledError("own")
    if how == "raises-value":
        raise ValueError("bad")
    return "value"


async def worker(how, then, dead):
    asyncio.current_task().cancel("m5")
    try:
        r = await body(how, dead)
        print(how, then, "body returned", r)
    except (asyncio.CancelledError, ValueError) as e:
        print(how, then, "caught", type(e).__name__, repr(str(e)), "cancelling", asyncio.current_task().cancelling())
    if then == "uncancel":
        print(how, then, "uncancel", asyncio.current_task().uncancel())
    if then == "sleep":
        try:
            await asyncio.sleep(0)
            print(how, then, "slept")
        except asyncio.CancelledError as e:
            print(how, then, "sleep raised", repr(str(e)))
            return "after sleep"
    return "returned"


async def main():
    dead = asyncio.create_task(dead_task())
    dead.cancel()
    await asyncio.sleep(0)
    for how in ["awaits-cancelled-task", "raises-cancelled", "raises-value", "returns"]:
        for then in ["return", "uncancel", "sleep"]:
            t = asyncio.create_task(worker(how, then, dead))
            try:
                print(how, then, "result", repr(await t))
            except asyncio.CancelledError as e:
                print(how, then, "task cancelled", repr(str(e)))


asyncio.run(main())
