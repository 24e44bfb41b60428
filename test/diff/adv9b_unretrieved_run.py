import asyncio
import gc

# "exception was never retrieved" and run()'s shutdown reports, for futures and tasks left
# inside compositions when run() ends: which ways of looking at a stored exception count as
# retrieving it (exception(), result(), await, gather, gather(return_exceptions), wait, shield,
# a done callback that does or does not look, cancel() after the fact), and what run()'s
# shutdown reports for tasks that turn its cancellation into an error inside gather, shield and
# a TaskGroup (cases whose outcome does not depend on the order the shutdown cancels tasks in).
# The handler's context keys, messages, exception reprs and the kind of object are collected
# and printed sorted after run() returns (Python reports when objects are collected, aionode at
# the latest when the loop closes).

reports = []


class AppError(ValueError):
    pass


def handler(loop, ctx):
    obj = ctx.get("future") or ctx.get("task")
    name = obj.get_name() if isinstance(obj, asyncio.Task) else None
    reports.append((ctx["message"], sorted(ctx), repr(ctx.get("exception")), type(obj).__name__, name))


async def ticks(n=6):
    for _ in range(n):
        await asyncio.sleep(0)


async def fails(msg):
    await asyncio.sleep(0)
    raise AppError(msg)


async def raise_on_cancel(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise AppError(msg)


async def tg_holder():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(raise_on_cancel("tg child 1"), name="tgc1")
        tg.create_task(asyncio.sleep(10), name="tgc3")


async def shield_holder(inner):
    return await asyncio.shield(inner)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    def stored(msg):
        f = loop.create_future()
        f.set_exception(AppError(msg))
        return f

    # plain futures: how the exception is (not) looked at
    stored("never looked at")
    f = stored("exception() called")
    print("exception() ->", repr(f.exception()))
    f = stored("result() called")
    try:
        f.result()
    except AppError as e:
        print("result() raised", repr(e))
    f = stored("awaited")
    try:
        await f
    except AppError as e:
        print("await raised", repr(e))
    f = stored("done callback ignores")
    f.add_done_callback(lambda fut: print("ignoring callback, done", fut.done()))
    f = stored("done callback looks")
    f.add_done_callback(lambda fut: print("looking callback", repr(fut.exception())))
    f = stored("cancelled after")
    print("cancel after set_exception ->", f.cancel())
    f = stored("gathered")
    try:
        await asyncio.gather(f)
    except AppError as e:
        print("gather raised", repr(e))
    f = stored("gathered rx")
    print("gather rx ->", repr(await asyncio.gather(f, return_exceptions=True)))
    f = stored("waited")
    done, pending = await asyncio.wait([f])
    print("wait done", len(done), "pending", len(pending))
    f = stored("shielded inner")
    outer = asyncio.shield(f)
    await ticks()
    print("shield outer done", outer.done())
    del outer
    # pending future: exception() and result() raise InvalidStateError
    p = loop.create_future()
    for name in ("exception", "result"):
        try:
            getattr(p, name)()
        except asyncio.InvalidStateError as e:
            print("pending", name, "raised", repr(e))
    p.cancel("gone")
    for name in ("exception", "result"):
        try:
            getattr(p, name)()
        except asyncio.CancelledError as e:
            print("cancelled", name, "raised", repr(e))

    # tasks
    t = loop.create_task(fails("task never looked at"), name="t-never")
    t = loop.create_task(fails("task exception() in callback"), name="t-cb")
    t.add_done_callback(lambda task: print("task callback", repr(task.exception())))
    t = loop.create_task(fails("task awaited"), name="t-awaited")
    try:
        await t
    except AppError as e:
        print("task await raised", repr(e))
    t = loop.create_task(fails("task in TaskGroup"), name="t-tg")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(0))
            await t
    except ExceptionGroup as e:
        print("await in TaskGroup body raised", repr(e))
    await ticks()
    del t, f, p

    # left behind for run()'s shutdown
    g1 = loop.create_task(raise_on_cancel("gather child"), name="g1")
    asyncio.gather(g1, loop.create_future())
    s_inner = loop.create_task(raise_on_cancel("shield inner"), name="s-inner")
    loop.create_task(shield_holder(s_inner), name="s-outer")
    loop.create_task(tg_holder(), name="tg-holder")
    loop.create_task(raise_on_cancel("plain"), name="plain")
    await ticks()
    del g1, s_inner
    print("main returns")
    return "main result"


print("run ->", asyncio.run(main()))
gc.collect()
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
