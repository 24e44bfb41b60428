import asyncio

# ExceptionGroup shapes from nested TaskGroups, and groups travelling on: three groups nested in
# one task's bodies, where a fast failure two levels down cancels the task, the innermost
# group's body and children turn that cancellation into errors (the innermost group raises its
# group, which the middle one keeps last, after its children's errors); a body that catches an
# inner group and goes on (the cancel request the inner group made stays counted in 3.11); a
# child raising a group of its own (kept whole, a subclass keeps its class); groups as futures'
# exceptions (reprs with nested groups, quotes and newlines in messages), through gather (both
# modes), shield, wait_for and as_completed (the same object each time); an empty group is
# refused.


class AppError(ValueError):
    pass


class Boom(Exception):
    pass


class MyGroup(ExceptionGroup):
    pass


def rep(e):
    return repr(e)


def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in leaves(sub)]
    return [e]


def show(label, e):
    print(label, rep(e))
    print("   str", repr(str(e)), "leaves", [repr(x) for x in leaves(e)])


async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def fail_after(n, exc):
    await ticks(n)
    raise exc


async def raise_on_cancel(exc, delay=10):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("   cleanup raises", repr(exc))
        raise exc


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    try:
        ExceptionGroup("empty", [])
    except Exception as e:
        print("empty group refused:", str(e))

    print("three levels in one task:")
    try:
        async with asyncio.TaskGroup() as g1:
            g1.create_task(asyncio.sleep(10), name="l1-sleeper")
            async with asyncio.TaskGroup() as g2:
                g2.create_task(raise_on_cancel(AppError("l2 cleanup")), name="l2-cleanup")
                g2.create_task(fail_after(3, Boom("l2 fast")), name="l2-fast")
                async with asyncio.TaskGroup() as g3:
                    g3.create_task(raise_on_cancel(AppError("l3 cleanup")), name="l3-cleanup")
                    try:
                        await asyncio.sleep(10)
                    except asyncio.CancelledError as e:
                        print("   l3 body cancelled", repr(e), "cancelling", me.cancelling())
                        raise
    except ExceptionGroup as e:
        show("  l1 raised", e)
        print("   nesting", [type(x).__name__ for x in e.exceptions], [len(x.exceptions) for x in e.exceptions])
    print("  main cancelling", me.cancelling(), "uncancel ->", me.uncancel() if me.cancelling() else None)

    print("a body catches an inner group and goes on:")
    async with asyncio.TaskGroup() as outer:
        late = outer.create_task(ticks(8), name="late")
        try:
            async with asyncio.TaskGroup() as inner:
                inner.create_task(fail_after(1, AppError("inner a")), name="ia")
                inner.create_task(fail_after(1, Boom("inner b")), name="ib")
                inner.create_task(raise_on_cancel(AppError("inner c")), name="ic")
        except ExceptionGroup as e:
            show("  inner raised", e)
        print("  body goes on, cancelling", me.cancelling())
        await asyncio.sleep(0)
        print("  body awaited again")
    print("  outer done, late done", late.done(), "cancelled", late.cancelled(), "cancelling", me.cancelling())
    if me.cancelling():
        me.uncancel()

    print("children raising groups of their own:")

    async def group_holder():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(1, MyGroup("mine\nline", [AppError("m1"), Boom("m2")])), name="mine")
            tg.create_task(fail_after(2, ExceptionGroup("it's nested", [ExceptionGroup("deep", [Boom("d")])])), name="deep")
            tg.create_task(fail_after(3, AppError("plain")), name="plain")
    holder = loop.create_task(group_holder(), name="holder")
    try:
        await holder
    except ExceptionGroup as e:
        show("  holder raised", e)
        print("   classes", [type(x).__name__ for x in e.exceptions])
    eg = holder.exception()
    print("  exception() is the raised one", eg is holder.exception())

    print("the group travelling:")
    f = loop.create_future()
    f.set_exception(eg)
    print("  future", repr(f))
    res = await asyncio.gather(holder, return_exceptions=True)
    print("  gather rx same object", res[0] is eg)
    for label, aw in (("gather", asyncio.gather(holder)), ("shield", asyncio.shield(holder)),
                      ("wait_for", asyncio.wait_for(holder, 1)), ("future", f)):
        try:
            await aw
        except ExceptionGroup as e:
            print("  via", label, "same object", e is eg)
    for fut in asyncio.as_completed([holder]):
        try:
            await fut
        except ExceptionGroup as e:
            print("  via as_completed same object", e is eg)

    print("gather of a failing group task and a failing task:")

    async def tg_fails(n):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(n, Boom("in group")))
    for first, second in ((1, 4), (4, 1)):
        a = loop.create_task(tg_fails(first), name="tg-task")
        b = loop.create_task(fail_after(second, AppError("alone")), name="alone")
        try:
            await asyncio.gather(a, b)
        except Exception as e:
            print("  gather", first, second, "raised", rep(e))
        await ticks(6)
        print("  both done", a.done(), b.done(), repr(a.exception()) if first == 4 else "", repr(b.exception()) if second == 4 else "")
    print("loop still runs", await asyncio.sleep(0, "yes"))


asyncio.run(main())
