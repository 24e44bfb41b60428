import asyncio
import gc
import re

# TaskGroups and the exception handler: children's errors go into the ExceptionGroup and are not
# reported; a task holding that ExceptionGroup and never retrieved is reported (str() with the
# count, the members); a failing done callback on a child and on the group's task (the message
# shows the shortened task repr); a plain task started by a child that fails (reported); a child
# that raises when cancelled by the group; the body raising while children fail; nested groups.
# Python reports unretrieved exceptions when collected, aionode at the latest at loop close.
reports = []
keep = []


def stable(s):
    return re.sub(r" at \S+\.py:\d+", "", s)


def describe_exc(exc):
    if isinstance(exc, BaseExceptionGroup):
        return "%s %r %s" % (type(exc).__name__, str(exc), sorted(describe_exc(e) for e in exc.exceptions))
    return "%s %r" % (type(exc).__name__, str(exc))


def handler(lp, ctx):
    exc = ctx.get("exception")
    fut = ctx.get("future")
    reports.append((stable(ctx["message"]), sorted(ctx), describe_exc(exc),
                    fut.get_name() if isinstance(fut, asyncio.Task) else None))


class AppError(Exception):
    pass


async def fails(msg, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    raise AppError(msg)


async def holdout(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise AppError(msg)


async def spawner():
    keep.append(asyncio.create_task(fails("orphan of a child"), name="orphan"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "spawner ok"


def done_boom(t):
    raise AppError("done cb of " + t.get_name())


async def group_a():
    async with asyncio.TaskGroup() as tg:
        c1 = tg.create_task(fails("child 1", 1), name="c1")
        c1.add_done_callback(done_boom)
        tg.create_task(fails("child 2", 2), name="c2")
        tg.create_task(holdout("holdout child"), name="c3")
        tg.create_task(spawner(), name="c4")


async def group_b():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fails("b child", 1), name="b1")
        async def nested():
            async with asyncio.TaskGroup() as tg2:
                tg2.create_task(fails("nested child", 1), name="n1")
                tg2.create_task(holdout("nested holdout"), name="n2")
        tg.create_task(nested(), name="b2")
        await asyncio.sleep(0)
        raise AppError("body of b")


async def settle(n=12):
    # a few loop iterations, independent of the machine's speed
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    lp = asyncio.get_running_loop()
    ta = lp.create_task(group_a(), name="group-a")
    tb = lp.create_task(group_b(), name="group-b")
    ta.add_done_callback(done_boom)
    await settle()
    print("a done", ta.done(), "b done", tb.done())
    print("b:", describe_exc(tb.exception()))
    keep.append(ta)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails("awaited group", 1), name="c")
    except* AppError as eg:
        print("caught", describe_exc(eg))
    print("main done")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.set_exception_handler(handler)
loop.run_until_complete(main())
del keep[:]
gc.collect()
loop.close()
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
