import asyncio
import re

# Failing done callbacks on futures that compositions also watch: a gather child whose own
# callbacks (added before and after gather's) raise, a TaskGroup child, a wait() and an
# as_completed() input, a shield's inner and outer; a callback that re-raises the future's own
# exception through result() (the handler gets that very object), one raising CancelledError
# with a message (reported, not a cancellation), one raising an ExceptionGroup, one that cancels
# a gather sibling before raising. The handler prints as it is called, so the order of user
# callbacks, internal callbacks and reports shows; every composition still completes and the
# loop keeps running.


class AppError(ValueError):
    pass


class CbError(Exception):
    pass


def mask(s):
    # a task's repr carries its source location in Python (cut by reprlib): show the kind only
    s = re.sub(r" at \S+\.py:\d+$", "", s)
    return re.sub(r"\(<Task .*>\)$", "(<Task ...>)", s)


seen = {}


def handler(loop, ctx):
    exc = ctx.get("exception")
    print("  handler:", mask(ctx["message"]), sorted(ctx), repr(exc),
          "same object" if any(exc is e for e in seen.values()) else "")


def cb_before(fut):
    print("  cb_before sees done", fut.done())
    raise CbError("before")


def cb_after(fut):
    print("  cb_after")
    raise CbError("after")


def cb_reraise(fut):
    print("  cb_reraise")
    fut.result()


def cb_cancelled(fut):
    raise asyncio.CancelledError("from callback")


def cb_group(fut):
    raise ExceptionGroup("cb group", [CbError("x"), AppError("y")])


sibling = []


def cancel_sibling(fut):
    print("  cancel_sibling ->", sibling[0].cancel("by callback"))
    raise CbError("after cancelling")


def cb_ok(fut):
    print("  cb_ok runs")


async def work(v, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    return v


async def fails(msg, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    raise AppError(msg)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    print("gather:")
    t1 = loop.create_task(work(1), name="t1")
    t1.add_done_callback(cb_before)
    t2 = loop.create_task(work(2, 2), name="t2")
    g = asyncio.gather(t1, t2)
    t1.add_done_callback(cb_after)
    t1.add_done_callback(cb_ok)
    print("gather ->", await g)

    print("gather child fails, callback re-raises its error:")
    t3 = loop.create_task(fails("t3 failed"), name="t3")
    t3.add_done_callback(cb_reraise)
    t4 = loop.create_task(work(4, 3), name="t4")
    try:
        await asyncio.gather(t3, t4)
    except AppError as e:
        seen["t3"] = e
        print("gather raised", repr(e))
    await t4
    print("t3 exception is the one raised", t3.exception() is seen["t3"])

    print("callback cancels a gather sibling, then raises:")
    t5 = loop.create_task(work(5), name="t5")
    t6 = loop.create_task(work(6, 5), name="t6")
    sibling.append(t6)
    t5.add_done_callback(cancel_sibling)
    try:
        print("gather ->", await asyncio.gather(t5, t6))
    except asyncio.CancelledError as e:
        print("gather raised", repr(e), "t6 cancelled", t6.cancelled())

    print("TaskGroup:")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a"), name="tg-a")
        a.add_done_callback(cb_cancelled)
        b = tg.create_task(work("b", 2), name="tg-b")
        b.add_done_callback(cb_group)
    print("TaskGroup done", a.result(), b.result(), "cancelling", asyncio.current_task().cancelling())

    print("wait:")
    w1 = loop.create_task(work("w1"), name="w1")
    w2 = loop.create_task(work("w2", 4), name="w2")
    w1.add_done_callback(cb_before)
    done, pending = await asyncio.wait([w1, w2], return_when=asyncio.FIRST_COMPLETED)
    print("wait done", sorted(t.get_name() for t in done), "pending", sorted(t.get_name() for t in pending))
    w2.add_done_callback(cb_after)
    await w2

    print("as_completed:")
    c1 = loop.create_task(work("c1", 2), name="c1")
    c1.add_done_callback(cb_reraise)
    c2 = loop.create_task(fails("c2 failed"), name="c2")
    c2.add_done_callback(cb_reraise)
    for f in asyncio.as_completed([c1, c2]):
        try:
            print("as_completed ->", await f)
        except AppError as e:
            print("as_completed raised", repr(e))

    print("shield:")
    inner = loop.create_future()
    inner.add_done_callback(cb_before)
    outer = asyncio.shield(inner)
    outer.add_done_callback(cb_after)
    loop.call_soon(inner.set_result, "shielded")
    print("shield ->", await outer)

    print("future set_exception, callback re-raises:")
    f = loop.create_future()
    f.add_done_callback(cb_reraise)
    f.add_done_callback(cb_ok)
    err = AppError("stored")
    seen["stored"] = err
    f.set_exception(err)
    await asyncio.sleep(0)
    print("stored retrieved", f.exception() is err)
    for _ in range(3):
        await asyncio.sleep(0)
    print("loop still runs", await work("yes"))


asyncio.run(main())
