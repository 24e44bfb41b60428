import asyncio

# A timeout that expires while its body waits in a TaskGroup's exit: the group is aborted by the
# timeout's cancellation (children lingering a few steps, one rescheduling the expired timeout and
# being refused, one extending a still active one in time), the CancelledError becomes
# TimeoutError only after the last child is gone; a timeout inside a child expiring (the child
# handles its TimeoutError, the group is unaffected); and a child whose own timeout expires
# uncaught (the TimeoutError lands in the ExceptionGroup).

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def linger(name, n, cm=None):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        for _ in range(n):
            await asyncio.sleep(0)
        if cm is not None:
            try:
                cm.reschedule(None)
                print("  ", name, "lifted the deadline")
            except RuntimeError as e:
                print("  ", name, "RuntimeError", repr(str(e)))
        print("  ", name, "done lingering")
        return name

async def extender(cm, d):
    await asyncio.sleep(d)
    loop = asyncio.get_running_loop()
    cm.reschedule(loop.time() + 0.6)
    print("  extender moved the deadline; expired", cm.expired())
    return "ext"

async def worker(name, d, catch):
    try:
        async with asyncio.timeout(d):
            await asyncio.sleep(10)
    except TimeoutError:
        if not catch:
            print("  ", name, "lets TimeoutError out")
            raise
        print("  ", name, "handled its TimeoutError")
    return name

async def main():
    me = asyncio.current_task()
    print("-- expiry while the group waits in its exit")
    try:
        async with asyncio.timeout(0.1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(linger("l2", 2, cm))
                tg.create_task(linger("l4", 4))
                print("  body ends", repr(tg))
            print("  unreached")
    except TimeoutError as e:
        print("  TimeoutError, expired", cm.expired(), "cause", desc(e.__cause__), "cancelling", me.cancelling())

    print("-- a child extends the deadline in time")
    async with asyncio.timeout(0.3) as cm:
        async with asyncio.TaskGroup() as tg:
            e = tg.create_task(extender(cm, 0.02))
            s = tg.create_task(asyncio.sleep(0.5, "slept"))
        print("  group done", e.result(), s.result(), "expired", cm.expired())

    print("-- children with their own timeouts")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 0.01, True))
        b = tg.create_task(worker("b", 0.05, True))
    print("  results", a.result(), b.result(), "cancelling", me.cancelling())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("c", 0.01, False))
            d = tg.create_task(linger("d", 1))
    except ExceptionGroup as eg:
        print("  group", desc(eg), "d result", d.result())
    print("-- loop still works", await asyncio.sleep(0, "yes"), me.cancelling())

asyncio.run(main())
