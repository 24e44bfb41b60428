import asyncio
import gc
import re

# Work that compositions abandon and that fails afterwards: as_completed() timing out (the
# tasks it made from coroutines go on; their later failures are never retrieved), wait() with a
# timeout (the pending task fails later), gather() whose first error was raised while a sibling
# fails later (gather retrieves it), wait_for() whose awaiting task is cancelled while the inner
# resists and fails later (the waiter ends cancelled, the inner's error is never retrieved),
# shield() whose awaiting task is cancelled and whose inner task fails later (the outer's
# cancellation unhooked the inner: never retrieved), TaskGroup children failing during the
# abort (collected). What each composition raised, and the reports (message, context keys,
# exception, kind and name of the object), printed sorted at the end.

reports = []


class AppError(ValueError):
    pass


def handler(loop, ctx):
    obj = ctx.get("future") or ctx.get("task")
    # as_completed() wraps its coroutines in tasks in set order: their default names vary
    name = re.sub(r"^Task-\d+$", "Task-?", obj.get_name()) if isinstance(obj, asyncio.Task) else None
    reports.append((ctx["message"], sorted(ctx), repr(ctx.get("exception")), type(obj).__name__, name))


async def fail_after(delay, msg):
    await asyncio.sleep(delay)
    raise AppError(msg)


async def resist_then_fail(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  resisting", repr(e))
        await asyncio.sleep(0.05)
        raise AppError(msg)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    me = asyncio.current_task()

    print("as_completed with a timeout:")
    got = []
    try:
        for f in asyncio.as_completed([asyncio.sleep(0.01, "fast"), fail_after(0.2, "ac slow"),
                                       fail_after(0.25, "ac slower")], timeout=0.1):
            got.append(await f)
    except TimeoutError as e:
        print("  raised", repr(e), "after", got)

    print("wait with a timeout:")
    w1 = loop.create_task(fail_after(0.01, "wait quick"), name="w-quick")
    w2 = loop.create_task(fail_after(0.2, "wait slow"), name="w-slow")
    done, pending = await asyncio.wait([w1, w2], timeout=0.1)
    print("  done", sorted(t.get_name() for t in done), "pending", sorted(t.get_name() for t in pending))
    print("  quick exception", repr(w1.exception()))
    del w1, w2, done, pending

    print("gather, first error raised, a sibling fails later:")
    try:
        await asyncio.gather(fail_after(0.01, "gather first"), fail_after(0.1, "gather later"))
    except AppError as e:
        print("  raised", repr(e))

    print("wait_for, the awaiting task cancelled, the inner resists and fails:")
    inner = loop.create_task(resist_then_fail("wait_for inner"), name="wf-inner")

    async def waiter():
        return await asyncio.wait_for(inner, 10)
    wt = loop.create_task(waiter(), name="wf-outer")
    await asyncio.sleep(0.01)
    print("  cancel ->", wt.cancel("stop"))
    try:
        await wt
    except BaseException as e:
        print("  waiter raised", repr(e), "cancelled", wt.cancelled())
    del inner, wt

    print("shield, the awaiting task cancelled, the inner fails later:")
    s_inner = loop.create_task(fail_after(0.1, "shield inner"), name="sh-inner")

    async def shielder():
        return await asyncio.shield(s_inner)
    st = loop.create_task(shielder(), name="sh-outer")
    await asyncio.sleep(0.01)
    print("  cancel ->", st.cancel("stop"))
    try:
        await st
    except BaseException as e:
        print("  shielder raised", repr(e))
    del s_inner, st

    print("TaskGroup children failing during the abort:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.01, "tg first"), name="tg-first")
            tg.create_task(resist_then_fail("tg resister"), name="tg-resister")
    except ExceptionGroup as e:
        print("  raised", repr(e))
    if me.cancelling():
        me.uncancel()

    await asyncio.sleep(0.3)
    gc.collect()
    print("main done, cancelling", me.cancelling())


asyncio.run(main())
gc.collect()
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
