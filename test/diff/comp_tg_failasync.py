import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
# n=None means "until cancelled".
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

events = []

async def sibling(name, n, on_cancel=None):
    try:
        if n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError:
        events.append("cancelled " + name)
        if on_cancel is not None:
            raise on_cancel
        raise
    print("sibling end", name)
    return name

async def failing(name, n, exc):
    await ticks(n)
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
            s1 = tg.create_task(sibling("s1", None))
            s2 = tg.create_task(sibling("s2", None))
            fast = tg.create_task(sibling("fast", 1))
            f = tg.create_task(failing("f", 3, ValueError("child failed")))
            try:
                await asyncio.sleep(10)
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
            tg.create_task(failing("f1", 1, ValueError("one")))
            tg.create_task(sibling("s3", None, on_cancel=ZeroDivisionError("while cancelled")))
            print("body waits in __aexit__")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- the body raises")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("s4", None))
            await ticks(1)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- the body raises after a child failed")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("f2", 1, ValueError("child")))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                raise OSError("body replaced the cancellation")
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- a child fails after the body finished")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("s5", None))
            tg.create_task(failing("f3", 2, ValueError("late")))
            result = "body value"
    except ExceptionGroup as eg:
        show_group(eg)
    flush()

    print("-- create_task while shutting down")
    async def try_spawn(tg):
        try:
            await asyncio.sleep(10)
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
            tg.create_task(failing("f4", 1, ValueError("x")))
    except ExceptionGroup as eg:
        show_group(eg)

    print("-- nested groups: the inner group's error reaches the outer group")
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sibling("outer-sib", None))
            async def inner():
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(failing("deep", 1, ValueError("deep")))
                    tg.create_task(sibling("inner-sib", None))
            outer.create_task(inner())
    except ExceptionGroup as eg:
        show_group(eg)
        show_group(eg.exceptions[0])
    flush()

asyncio.run(main())
