import asyncio

# gather(return_exceptions=True) cancelled through the gather: when every child is done, the
# CancelledError raised is made by the *last child in argument order* (the `for fut in children`
# loop rebinds `fut` in _done_callback), not by the child whose completion ended the gather.


async def slow(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise


async def quick(v):
    return v


async def main():
    loop = asyncio.get_running_loop()

    print("-- the last child finished normally before the cancel")
    a = asyncio.create_task(slow("a"))
    b = asyncio.create_task(quick(1))
    await asyncio.sleep(0)
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel ->", g.cancel("msg-1"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", repr(str(e)))
    try:
        a.result()
    except asyncio.CancelledError as e:
        print("a.result() raised", repr(str(e)))

    print("-- the last child is a future cancelled with its own message")
    a = asyncio.create_task(slow("a"))
    f = loop.create_future()
    f.cancel("fut-msg")
    await asyncio.sleep(0)
    g = asyncio.gather(a, f, return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel ->", g.cancel("msg-2"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", repr(str(e)))

    print("-- the same order reversed: the last child is the one that was cancelled")
    b = asyncio.create_task(quick(1))
    await asyncio.sleep(0)
    a = asyncio.create_task(slow("a"))
    g = asyncio.gather(b, a, return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel ->", g.cancel("msg-3"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", repr(str(e)))

    print("-- a task awaiting such a gather is cancelled with a message")
    async def waiter(g):
        try:
            await g
        except asyncio.CancelledError as e:
            print("waiter saw", repr(str(e)))
            raise
    a = asyncio.create_task(slow("a"))
    b = asyncio.create_task(quick(2))
    await asyncio.sleep(0)
    w = asyncio.create_task(waiter(asyncio.gather(a, b, return_exceptions=True)))
    await asyncio.sleep(0)
    w.cancel("msg-4")
    try:
        await w
    except asyncio.CancelledError as e:
        print("main saw", repr(str(e)))


asyncio.run(main())
