import asyncio

# The parent's cancel count around a TaskGroup: a cancellation already counted before the group
# (the group's own request is taken back, the count stays), the body calling uncancel() on its task
# itself (the group's uncancel() does not go below 0), the body cancelling its own task after a
# failure, a failure during the exit wait (the count stays at 1), and what a later timeout() and
# a later group in the same task do with the leftover count.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def fail(n, msg):
    await ticks(n)
    raise ValueError(msg)

async def run_group(label, fail_at, body):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(fail_at, label), name="f")
            await body(me)
        print("  group ok", me.cancelling())
    except ExceptionGroup as eg:
        print("  group raised", desc(eg), "cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        print("  group cancelled", repr(str(e)), "cancelling", me.cancelling())

async def body_wait(me):
    try:
        await ticks(10)
    except asyncio.CancelledError:
        print("  body cancelled, cancelling", me.cancelling())
        raise

async def body_uncancel(me):
    try:
        await ticks(10)
    except asyncio.CancelledError:
        print("  body uncancel ->", me.uncancel(), me.uncancel())
    print("  body returns", me.cancelling())

async def body_self_cancel(me):
    try:
        await ticks(10)
    except asyncio.CancelledError:
        print("  body cancels itself", me.cancel("self"), me.cancelling())
        await asyncio.sleep(0)
        print("  not reached")

async def body_quick(me):
    print("  body returns at once")

async def t1():
    me = asyncio.current_task()
    me.cancel("pre")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  swallowed", repr(str(e)), me.cancelling())
    await run_group("pre-counted", 1, body_wait)
    print("  after", me.cancelling(), await asyncio.sleep(0, "awaits fine"))

async def t2():
    await run_group("uncancel in body", 1, body_uncancel)
    print("  after", asyncio.current_task().cancelling())

async def t3():
    await run_group("self cancel", 1, body_self_cancel)
    me = asyncio.current_task()
    print("  after", me.cancelling(), await asyncio.sleep(0, "awaits fine"))

async def t4():
    me = asyncio.current_task()
    await run_group("in exit wait", 2, body_quick)
    print("  leftover", me.cancelling(), await asyncio.sleep(0, "awaits fine"))
    try:
        async with asyncio.timeout(0) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("  timeout -> TimeoutError", me.cancelling())
    except asyncio.CancelledError:
        print("  timeout -> CancelledError", me.cancelling())
    await run_group("second group", 1, body_wait)
    print("  after second group", me.cancelling())

async def main():
    for name, t in (("pre-counted cancel", t1), ("uncancel in the body", t2),
                    ("the body cancels its task", t3), ("failure in the exit wait", t4)):
        print("--", name)
        task = asyncio.create_task(t(), name=name)
        try:
            await task
            print("  task done", task.cancelling())
        except asyncio.CancelledError as e:
            print("  task cancelled", repr(str(e)), task.cancelling())
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
