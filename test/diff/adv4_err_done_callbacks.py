import asyncio
import re

# Failing done callbacks of futures, tasks, gather() and shield() outers: the handler's context
# (keys, the message with the shortened repr of the future or task, the exception), a callback
# added twice, a callback added after completion, one raising CancelledError, one failing on the
# main task (run_until_complete returns, the callback still runs and is reported), a callback
# removed before completion, and the handler called from inside the loop in task order.
loop = asyncio.new_event_loop()


def stable(s):
    return re.sub(r" at \S+\.py:\d+", "", s)


def handler(lp, ctx):
    exc = ctx.get("exception")
    h = ctx.get("handle")
    print("H |", stable(ctx["message"]), "|", sorted(ctx), "|", type(exc).__name__, repr(str(exc)), "|",
          type(h).__name__, h.cancelled())


loop.set_exception_handler(handler)


class AppError(Exception):
    pass


def boom(fut):
    raise AppError("cb saw done=%s" % fut.done())


def boom_result(fut):
    # retrieving the result inside the callback: the future's own exception escapes the callback
    return fut.result()


def boom_cancel(fut):
    raise asyncio.CancelledError("from a done callback")


def fine(fut):
    print("fine callback, cancelled", fut.cancelled())


async def work(v, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    return v


async def fails(msg, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    print("-- futures")
    f1 = loop.create_future()
    f1.add_done_callback(boom)
    f1.add_done_callback(fine)
    f1.add_done_callback(boom)
    f1.set_result("a result that is quite long")
    await asyncio.sleep(0)
    f2 = loop.create_future()
    f2.set_exception(AppError("stored"))
    f2.add_done_callback(boom_result)
    f2.add_done_callback(boom_cancel)
    await asyncio.sleep(0)
    f3 = loop.create_future()
    f3.add_done_callback(boom)
    f3.add_done_callback(fine)
    print("removed", f3.remove_done_callback(boom))
    f3.cancel("msg")
    await asyncio.sleep(0)
    print("-- tasks")
    t1 = asyncio.create_task(work("task result string long"), name="t1")
    t1.add_done_callback(boom)
    t2 = asyncio.create_task(fails("task failed with long text"), name="t2")
    t2.add_done_callback(boom_result)
    await asyncio.sleep(0)
    print("before completion")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t2 exception", repr(t2.exception()))
    print("-- gather and shield outers")
    g = asyncio.gather(work(1), work("two", 2))
    g.add_done_callback(boom)
    print("gather ->", await g)
    inner = asyncio.create_task(work("shielded value, long enough"))
    s = asyncio.shield(inner)
    s.add_done_callback(boom_result)
    s.add_done_callback(boom)
    print("shield ->", await s)
    await asyncio.sleep(0)
    print("-- the main task")
    asyncio.current_task().add_done_callback(boom)
    return "main result value, long text"


print("run_until_complete ->", loop.run_until_complete(main()))
print("after run_until_complete")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
print("closed")
