import asyncio

# timeout() entered by a task that already has cancellation requests: a swallowed earlier cancel
# (cancelling() 1 on entry: the expiry still becomes TimeoutError, the count stays at 1), a
# self-cancel pending on entry (the first await inside raises CancelledError, not the timeout's),
# a body that uncancels below the entry count (the expiry then still converts), a body that adds
# a cancel of its own before the deadline passes (CancelledError comes out), and a TaskGroup
# entered with a request pending (the group's exit cancels the children).

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def run(label, fn, cancel_first):
    print("--", label)
    t = asyncio.create_task(fn())
    await asyncio.sleep(0)
    if cancel_first:
        print("  cancel('first') ->", t.cancel("first"))
    try:
        r = await t
        print("  returned", repr(r), "cancelling", t.cancelling())
    except BaseException as e:
        print("  raised", desc(e), "cancelled()", t.cancelled(), "cancelling", t.cancelling())

async def swallowed_then_timeout():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  swallowed", desc(e), "cancelling", me.cancelling())
    try:
        async with asyncio.timeout(0) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError, cancelling", me.cancelling(), "expired", cm.expired())
    await asyncio.sleep(0)
    return "went on"

async def self_cancel_pending():
    me = asyncio.current_task()
    await asyncio.sleep(0.01)
    print("  self cancel ->", me.cancel("self"), "cancelling", me.cancelling())
    try:
        async with asyncio.timeout(10) as cm:
            print("  in body, expired", cm.expired())
            await asyncio.sleep(0)
            print("  unreached")
    except asyncio.CancelledError as e:
        print("  CancelledError out of the timeout", desc(e), "expired", cm.expired(), repr(cm))
        raise

async def uncancel_below():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    async with asyncio.timeout(0.05) as cm:
        print("  uncancel in body ->", me.uncancel())
        try:
            await asyncio.sleep(10)
        finally:
            print("  body unwinding, cancelling", me.cancelling())
    return "unreached"

async def own_cancel_then_deadline():
    me = asyncio.current_task()
    await asyncio.sleep(0.01)
    try:
        async with asyncio.timeout(0.05) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print("  deadline cancel caught", desc(e), "cancelling", me.cancelling())
                me.cancel("own")
                print("  own cancel requested, cancelling", me.cancelling())
                raise
    except TimeoutError:
        print("  TimeoutError")
    except asyncio.CancelledError as e:
        print("  CancelledError", desc(e), "expired", cm.expired(), "cancelling", me.cancelling())
    return "after"

async def child(name):
    print("  child", name, "started")
    await asyncio.sleep(0)
    print("  child", name, "done")
    return name

async def tg_with_pending():
    me = asyncio.current_task()
    await asyncio.sleep(0.01)
    me.cancel("pending")
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(child("a"))
            print("  body ran without awaiting", repr(tg))
    except asyncio.CancelledError as e:
        print("  group exit raised", desc(e), "a cancelled", a.cancelled())
        raise
    return "unreached"

async def main():
    await run("a swallowed cancel, then a timeout expires", swallowed_then_timeout, True)
    await run("a self-cancel pending when the timeout is entered", self_cancel_pending, False)
    await run("the body uncancels below the entry count", uncancel_below, True)
    await run("the body adds its own cancel after the deadline", own_cancel_then_deadline, False)
    await run("a TaskGroup entered with a cancel pending", tg_with_pending, False)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
