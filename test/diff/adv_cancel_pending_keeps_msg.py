# A task is cancelled (no message) while the future it awaits has already failed with a
# CancelledError carrying a message (gather's error for a cancelled child): asyncio's __step keeps
# that CancelledError, since it already is one, and the task sees the child's message.
import asyncio

async def child():
    await asyncio.Event().wait()

async def parent(kids):
    try:
        await asyncio.gather(*kids)
    except asyncio.CancelledError as e:
        print("parent got", repr(e.args), "cancelling", asyncio.current_task().cancelling())
        return "parent swallowed"

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter got", repr(e.args))
        return "waiter swallowed"

async def main():
    k = asyncio.create_task(child())
    p = asyncio.create_task(parent([k]))
    await asyncio.sleep(0)
    print("cancel child", k.cancel("child-msg"))
    await asyncio.sleep(0)  # the child's step ends it; gather's callback fails the outer future
    await asyncio.sleep(0)
    print("cancel parent", p.cancel())
    print(await p)
    # the same with a plain future failed with a CancelledError instance
    f = asyncio.get_running_loop().create_future()
    w = asyncio.create_task(waiter(f))
    await asyncio.sleep(0)
    f.set_exception(asyncio.CancelledError("as-exception"))
    print("cancel waiter", w.cancel("outer"))
    print(await w)

asyncio.run(main())
