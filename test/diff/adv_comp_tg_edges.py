import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, n=None, on_cancel=None):
    try:
        if n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError as e:
        print("child", name, "cancelled", repr(str(e)))
        if on_cancel is not None:
            raise on_cancel
        raise
    print("child", name, "done")
    return name

def show(eg):
    print("group", type(eg).__name__, repr(str(eg)), [type(e).__name__ + ":" + str(e) for e in eg.exceptions])

async def main():
    me = asyncio.current_task()

    print("-- the body raises after creating children")
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(child("a", 1))
            b = tg.create_task(child("b"))
            await ticks(2)
            print("a done", a.done())
            raise ValueError("body")
    except ExceptionGroup as eg:
        show(eg)
    print("a", a.result(), "b cancelled", b.cancelled(), "cancelling", me.cancelling())

    print("-- the body raises synchronously, children not started yet")
    try:
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(child("c", 1))
            raise TypeError("sync")
    except ExceptionGroup as eg:
        show(eg)
    print("c cancelled", c.cancelled())

    print("-- the body raises and a child converts its cancellation into an error")
    try:
        async with asyncio.TaskGroup() as tg:
            d = tg.create_task(child("d", None, OSError("cleanup failed")))
            await ticks(1)
            raise ValueError("body2")
    except ExceptionGroup as eg:
        show(eg)

    print("-- create_task after the group finished")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("e", 1))
    print("repr after", repr(tg))
    co = child("never")
    try:
        tg.create_task(co)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))
    co.close()

    print("-- create_task after the group failed")
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(child("f", 0, None))
            raise ValueError("x")
    except ExceptionGroup:
        pass
    co = child("never2")
    try:
        tg2.create_task(co)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)))
    co.close()

    print("-- create_task while shutting down (from a cancelled child)")
    holder = {}
    async def spawner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            co = child("late")
            try:
                holder["tg"].create_task(co)
            except RuntimeError as e:
                print("spawner RuntimeError", repr(str(e)))
                co.close()
            raise
    try:
        async with asyncio.TaskGroup() as tg3:
            holder["tg"] = tg3
            tg3.create_task(spawner())
            await ticks(1)
            raise ValueError("stop")
    except ExceptionGroup as eg:
        show(eg)

    print("-- create_task while the group is exiting normally (allowed)")
    async def spawner2(tg):
        await ticks(1)
        print("spawning from a child while the body has exited")
        tg.create_task(child("grandchild", 1))
        return "sp2"
    async with asyncio.TaskGroup() as tg4:
        tg4.create_task(spawner2(tg4))
    print("tg4 done", repr(tg4))

    print("-- body returns normally, a child fails after the body finished")
    async def failer():
        await ticks(2)
        raise ValueError("late failure")
    try:
        async with asyncio.TaskGroup() as tg5:
            tg5.create_task(failer())
            g = tg5.create_task(child("g"))
        print("not reached")
    except ExceptionGroup as eg:
        show(eg)
    print("g cancelled", g.cancelled(), "cancelling", me.cancelling())

    print("-- the body raises CancelledError itself")
    async def cancels_itself():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("h"))
            await ticks(1)
            raise asyncio.CancelledError("self-made")
    t = asyncio.create_task(cancels_itself())
    try:
        await t
    except asyncio.CancelledError as e:
        print("task ended cancelled", repr(str(e)), t.cancelled())

    print("-- the body raises after a child already failed")
    try:
        async with asyncio.TaskGroup() as tg6:
            tg6.create_task(child("i", 0, None))
            async def boom():
                raise LookupError("child boom")
            tg6.create_task(boom())
            try:
                await ticks(3)
            except asyncio.CancelledError:
                print("body cancelled by the group; raising its own error")
                raise TypeError("body3")
    except ExceptionGroup as eg:
        show(eg)
    print("cancelling", me.cancelling())

asyncio.run(main())
