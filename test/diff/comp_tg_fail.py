import asyncio

events = []

async def sibling(name, delay, on_cancel=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        events.append("cancelled " + name)
        if on_cancel is not None:
            raise on_cancel
        raise
    print("sibling end", name)
    return name

async def failing(name, delay, exc):
    await asyncio.sleep(delay)
    print("failing raises", name)
    raise exc

def show_group(eg):
    print("group", type(eg).__name__, repr(str(eg)), [type(e).__name__ for e in eg.exceptions], [str(e) for e in eg.exceptions])

def flush():
    # the order in which TaskGroup cancels siblings is set order in asyncio: print sorted
    print("events", sorted(events))
    events.clear()

async def main():
    print("-- one child fails: siblings and the body are cancelled")
    body_state = []
    try:
        async with asyncio.TaskGroup() as tg:
            s1 = tg.create_task(sibling("s1", 0.05))
            s2 = tg.create_task(sibling("s2", 0.05))
            fast = tg.create_task(sibling("fast", 0.001))
            f = tg.create_task(failing("f", 0.005, ValueError("child failed")))
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                print("body cancelled")
                raise
    except ExceptionGroup as eg:
        show_group(eg)
    flush()
    print("states", s1.cancelled(), s2.cancelled(), fast.result(), repr(f.exception()))
    print("cancelling", asyncio.current_task().cancelling())

    print("-- two children fail in turn")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("f1", 0.002, ValueError("one")))
            tg.create_task(sibling("s3", 0.05, on_cancel=ZeroDivisionError("while cancelled")))
            print("body waits in __aexit__")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- the body raises")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("s4", 0.05))
            await asyncio.sleep(0.001)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- the body raises after a child failed")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("f2", 0.001, ValueError("child")))
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                raise OSError("body replaced the cancellation")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- a child fails after the body finished")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("s5", 0.05))
            tg.create_task(failing("f3", 0.005, ValueError("late")))
            result = "body value"
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- create_task while shutting down")
    async def try_spawn(tg):
        try:
            await asyncio.sleep(0.05)
        except asyncio.CancelledError:
            coro = sibling("never", 0)
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                print("RuntimeError", str(e))
                coro.close()
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(try_spawn(tg))
            tg.create_task(failing("f4", 0.002, ValueError("x")))
    except ExceptionGroup as eg:
        show_group(eg)

    print("-- nested groups: the inner group's error reaches the outer group")
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sibling("outer-sib", 0.05))
            async def inner():
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(failing("deep", 0.002, ValueError("deep")))
                    tg.create_task(sibling("inner-sib", 0.05))
            outer.create_task(inner())
    except ExceptionGroup as eg:
        show_group(eg)
        show_group(eg.exceptions[0])
    flush()

asyncio.run(main())
