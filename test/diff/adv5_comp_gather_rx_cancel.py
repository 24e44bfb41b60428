# gather() with cancellations in the middle: children cancelled directly (with and without a
# message), a child that cancels itself, one that raises CancelledError('custom') itself, one
# cancelled from another child's done callback; with and without return_exceptions. What the
# results hold (fresh CancelledErrors and their messages), what the awaiter sees and whether it
# counts as cancelled, and the message of the outer's CancelledError when the gather itself is
# cancelled (asyncio takes it from the last child in argument order, whatever it ended with).
import asyncio


def show(res):
    return [(type(x).__name__, str(x)) if isinstance(x, BaseException) else x for x in res]


async def sleeper(name, d=10):
    try:
        await asyncio.sleep(d)
        print("  ", name, "slept")
        return name
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)))
        raise


async def ticks(name, n, exc=None):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  ", name, "ends")
    if exc is not None:
        raise exc
    return name


async def self_cancel():
    asyncio.current_task().cancel("myself")
    await asyncio.sleep(0)
    return "never"


async def raise_cancel():
    await asyncio.sleep(0)
    raise asyncio.CancelledError("custom")


async def main():
    loop = asyncio.get_running_loop()

    print("-- return_exceptions: children cancelled directly, failing, self-cancelling")
    t1 = asyncio.create_task(sleeper("s1"))
    t2 = asyncio.create_task(sleeper("s2"))
    t3 = asyncio.create_task(ticks("k3", 2, ValueError("k3")))
    t4 = asyncio.create_task(self_cancel())
    t5 = asyncio.create_task(raise_cancel())
    f6 = loop.create_future()
    g = asyncio.gather(t1, t2, t3, t4, t5, f6, ticks("k7", 3), return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel t1", t1.cancel("m1"), "cancel t2", t2.cancel())
    f6.cancel("f6 msg")
    res = await g
    print("results", show(res))
    for t in (t4, t5):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("  task result():", repr(str(e)), "cancelled", t.cancelled())
    print("g cancelled", g.cancelled())

    print("-- no return_exceptions: a child cancelled directly fails the gather, not the awaiter")
    t1 = asyncio.create_task(sleeper("a1"))
    t2 = asyncio.create_task(ticks("a2", 3))
    t3 = asyncio.create_task(ticks("a3", 4, KeyError("a3")))
    g = asyncio.gather(t1, t2, t3)
    loop.call_soon(t1.cancel, "direct")
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaiter caught CancelledError", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
    print("g", g.cancelled(), "t2", t2.done(), "t3", t3.done())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t2", t2.result(), "t3", repr(t3.exception()))

    print("-- no return_exceptions: a child raising CancelledError('custom') itself")
    t5 = asyncio.create_task(raise_cancel())
    try:
        await asyncio.gather(t5, ticks("b2", 2))
    except asyncio.CancelledError as e:
        print("awaiter caught CancelledError", repr(str(e)))
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    print("-- return_exceptions: one child's done callback cancels another")
    t1 = asyncio.create_task(ticks("c1", 1))
    t2 = asyncio.create_task(sleeper("c2"))
    f3 = loop.create_future()
    t1.add_done_callback(lambda _: print("  c1 callback cancels c2:", t2.cancel("from c1"), "and f3:", f3.cancel()))
    res = await asyncio.gather(t1, t2, f3, return_exceptions=True)
    print("results", show(res))

    print("-- gather cancelled, return_exceptions: message from the last child")
    for order in ("done-last", "cancelled-last", "precancelled-last", "failed-last"):
        t = asyncio.create_task(sleeper("d-" + order))
        other = loop.create_future()
        if order == "done-last":
            other.set_result("ok")
        elif order == "precancelled-last":
            other.cancel("own msg")
        elif order == "failed-last":
            other.set_exception(ValueError("bad"))
        g = asyncio.gather(t, other, return_exceptions=True)
        await asyncio.sleep(0)
        print(order, "cancel", g.cancel("outer msg"))
        try:
            print("result?", show(await g))
        except asyncio.CancelledError as e:
            print(order, "-> CancelledError", repr(str(e)), "g.cancelled", g.cancelled())

    print("-- gather cancelled, no return_exceptions: message from the first child to finish")
    t = asyncio.create_task(sleeper("e1"))
    f = loop.create_future()
    f.set_result("ok")
    g = asyncio.gather(t, f)
    await asyncio.sleep(0)
    print("cancel", g.cancel("outer msg"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("-> CancelledError", repr(str(e)), "g.cancelled", g.cancelled())

    print("-- gather cancelled with no message, a child resists by returning a value")
    async def resist():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "resisted"
    t1 = asyncio.create_task(resist())
    t2 = asyncio.create_task(sleeper("r2"))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel", g.cancel())
    try:
        print("result?", show(await g))
    except asyncio.CancelledError as e:
        print("-> CancelledError", repr(str(e)))
    print("t1", t1.result(), "t2", t2.cancelled())
    g = asyncio.gather(t2, t1, return_exceptions=True)
    print("again over the finished children:", show(await g))


asyncio.run(main())
