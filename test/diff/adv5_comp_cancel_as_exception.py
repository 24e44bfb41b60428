# A CancelledError that is an exception, not a cancellation: futures failed with
# set_exception(CancelledError(msg)) (done, not cancelled) and a task whose coroutine raises a
# CancelledError subclass (the task ends cancelled, result() re-raises the subclass). How gather
# (both modes), wait(FIRST_EXCEPTION), shield, wait_for (with a timeout and with 0) and
# as_completed treat them; the awaiting task is never counted as cancelled.
import asyncio


class Sub(asyncio.CancelledError):
    pass


def handler(loop, ctx):
    print("  handler:", repr(ctx.get("exception")))


async def raises_sub():
    await asyncio.sleep(0)
    raise Sub("sub")


def failed(loop, msg):
    f = loop.create_future()
    f.set_exception(asyncio.CancelledError(msg))
    return f


def desc(x):
    return (type(x).__name__, str(x)) if isinstance(x, BaseException) else x


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    me = asyncio.current_task()

    print("-- gather(return_exceptions) over a Sub-raising task and a future failed with one")
    t = asyncio.create_task(raises_sub())
    f = failed(loop, "as-exc")
    res = await asyncio.gather(t, f, return_exceptions=True)
    print("results", [desc(x) for x in res])
    print("t cancelled", t.cancelled(), "f cancelled", f.cancelled(), "f.exception", desc(f.exception()))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("t.result() raises", desc(e))
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("t.exception() raises", desc(e))

    print("-- gather without return_exceptions: the failed future's error, the gather not cancelled")
    g = asyncio.gather(f, asyncio.sleep(0, "s"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("g raised", desc(e), "is f's", e is f.exception(), "g.cancelled", g.cancelled(), "cancelling", me.cancelling())
    await asyncio.sleep(0)
    t2 = asyncio.create_task(raises_sub())
    g = asyncio.gather(t2, asyncio.sleep(0, "s"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("g over the Sub task raised", desc(e), "g.cancelled", g.cancelled(), "cancelling", me.cancelling())
    await asyncio.sleep(0)

    print("-- wait(FIRST_EXCEPTION): a failed future counts, a cancelled task does not")
    f2 = failed(loop, "x2")
    p = loop.create_future()
    done, pending = await asyncio.wait([f2, p], return_when=asyncio.FIRST_EXCEPTION)
    print("done", len(done), "pending", len(pending))
    t3 = asyncio.create_task(raises_sub())
    t4 = asyncio.create_task(asyncio.sleep(0.05, "slow"))
    done, pending = await asyncio.wait([t3, t4], return_when=asyncio.FIRST_EXCEPTION)
    print("done", len(done), "pending", len(pending), "t3 cancelled", t3.cancelled())

    print("-- shield, wait_for, as_completed of a failed-with-CancelledError future")
    print("shield is f2", asyncio.shield(f2) is f2)
    try:
        await asyncio.shield(f2)
    except asyncio.CancelledError as e:
        print("await shield(f2)", desc(e), "cancelling", me.cancelling())
    try:
        await asyncio.wait_for(f2, 1)
    except asyncio.TimeoutError:
        print("wait_for TimeoutError")
    except asyncio.CancelledError as e:
        print("wait_for raised", desc(e), "cancelling", me.cancelling())
    f3 = loop.create_future()
    pending_f = loop.create_future()

    def fail_later():
        f3.set_exception(asyncio.CancelledError("x3"))
    loop.call_soon(fail_later)
    try:
        await asyncio.wait_for(f3, 5)
    except asyncio.TimeoutError:
        print("wait_for TimeoutError")
    except asyncio.CancelledError as e:
        print("wait_for (failed while waiting) raised", desc(e), "cancelling", me.cancelling())
    f4 = loop.create_future()

    def fail_f4():
        f4.set_exception(asyncio.CancelledError("x4"))
    loop.call_soon(fail_f4)
    try:
        await asyncio.wait_for(f4, 0)
    except asyncio.TimeoutError:
        print("wait_for(f4, 0): TimeoutError, f4 cancelled", f4.cancelled())
    for c in asyncio.as_completed([failed(loop, "ac")]):
        try:
            await c
        except asyncio.CancelledError as e:
            print("as_completed step raised", desc(e), "cancelling", me.cancelling())

    print("-- a task awaiting a future that fails with CancelledError ends cancelled")
    f5 = loop.create_future()

    async def w():
        return await f5
    tw = asyncio.create_task(w())
    await asyncio.sleep(0)
    f5.set_exception(asyncio.CancelledError("x5"))
    try:
        await tw
    except asyncio.CancelledError as e:
        print("tw cancelled", tw.cancelled(), desc(e), "cancelling", me.cancelling())
    print("loop goes on", await asyncio.gather(asyncio.sleep(0, 1), return_exceptions=True))


asyncio.run(main())
