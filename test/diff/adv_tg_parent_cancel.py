import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def slow_cleanup(name, n, exc=None):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        # Printed after the cleanup only: siblings cancelled by one abort are cancelled in the
        # order of a set (of tasks, by address), so their cleanups must differ in length.
        await ticks(n)
        print("  ", name, "cancelled", repr(str(e)), "cleanup done")
        if exc is not None:
            raise exc(name)
        raise
    return name

async def quick(name, n=1, exc=None):
    await ticks(n)
    if exc is not None:
        print("  ", name, "raises")
        raise exc(name)
    return name

def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"

def try_create(tg, label):
    co = quick("late")
    try:
        t = tg.create_task(co)
        print("  ", label, "created", t.get_name().startswith("Task-"))
        return t
    except RuntimeError as e:
        print("  ", label, "RuntimeError", repr(str(e)))
        co.close()

async def drive(label, body, cancels=()):
    # cancels: (ticks to wait, message) pairs, each cancelling the task from outside.
    print("--", label)
    t = asyncio.create_task(body())
    for n, msg in cancels:
        await ticks(n)
        print("  cancel from outside ->", t.cancel(msg), "cancelling", t.cancelling())
    try:
        r = await t
        print("  result", repr(r))
    except asyncio.CancelledError as e:
        print("  CancelledError", repr(str(e)))
    except BaseException as e:
        print("  raised", fmt(e))
    print("  task cancelled", t.cancelled(), "cancelling", t.cancelling())

async def main():
    async def b1():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup("c1", 2))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("  body sees", repr(str(e)), "cancelling", me.cancelling(), repr(tg))
                try_create(tg, "in body after external cancel")
                raise
    await drive("external cancel while the body awaits: message kept, child created meanwhile", b1, [(1, "stop-1")])

    async def b2():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup("c1", 3))
            tg.create_task(slow_cleanup("c2", 1))
        print("  not reached")
    await drive("two external cancels while the group waits on exit (slow cleanups)", b2, [(1, "first"), (1, "second")])

    async def b3():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup("c1", 1, KeyError))
            tg.create_task(slow_cleanup("c2", 2))
        print("  not reached")
    await drive("external cancel, a child's cleanup fails: the error wins over the cancellation", b3, [(1, "ext")])

    async def b4():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick("c1", 3))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  body withdraws the cancel, uncancel ->", me.uncancel())
            try_create(tg, "after uncancel")
            await ticks(1)
        return "b4 done"
    await drive("body swallows the external cancel and uncancels: group finishes normally", b4, [(1, "x")])

    async def b5():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick("c1", 1, ValueError))
            tg.create_task(slow_cleanup("c2", 1))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("  body sees", repr(str(e)), "cancelling", me.cancelling(), repr(tg))
                try_create(tg, "while shutting down")
                await ticks(3)
                print("  body after children done", repr(tg))
                try_create(tg, "shutting down, no tasks left")
                raise
        print("  not reached")
    await drive("a child fails: createTask from the aborted body", b5)

    async def b6():
        me = asyncio.current_task()
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(quick("c1", 1, ValueError))
                await asyncio.sleep(10)
        except ExceptionGroup as eg:
            print("  caught", fmt(eg), "cancelling", me.cancelling(), repr(tg))
        try_create(tg, "after failure")
        await ticks(1)
        return "b6 survived"
    await drive("a child fails while an external cancel is also pending", b6, [(1, "ext-too")])

    async def b7():
        me = asyncio.current_task()
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(slow_cleanup("c1", 0))
            d = tg.create_task(quick("c2", 2))
            await ticks(1)
            print("  cancel a child directly ->", c.cancel("direct"))
            await ticks(1)
            print("  group after a child was cancelled", repr(tg), "cancelling", me.cancelling())
        print("  c cancelled", c.cancelled(), "d", d.result())
        return "b7 done"
    await drive("a child cancelled directly does not abort the group", b7)

    async def b8():
        async def self_cancel():
            await ticks(1)
            raise asyncio.CancelledError("my own")
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(self_cancel())
            q = tg.create_task(quick("q", 3))
            await ticks(2)
            print("  after the self-cancelling child", repr(tg), "s cancelled", s.cancelled())
        print("  q", q.result())
        return "b8 done"
    await drive("a child raising CancelledError itself is ignored too", b8)

    async def b9():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick("c1", 5))
            await ticks(1)
        return "b9 done"
    await drive("external cancel twice while the group waits on exit, child quick", b9, [(2, "a"), (0, "b")])

    async def b10():
        async with asyncio.TaskGroup() as tg:
            pass
        print("  empty group repr", repr(tg))
        try_create(tg, "empty finished group")
        return "b10"
    await drive("an empty group", b10)

    async def b11():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick("c1", 2))
            print("  before any await", repr(tg))
        return "b11"
    await drive("external cancel before the task's first step", b11, [(0, "early")])

asyncio.run(main())
