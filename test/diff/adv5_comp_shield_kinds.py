# shield() over mixed awaitables: the same task shielded twice, a gather, a shield of a shield;
# the callbacks shield installs as the reprs show them (locations stripped) and when each is
# removed; cancel(msg) of an outer against its awaiter; an inner that fails after every outer
# was cancelled (no callback of shield's is left on it), or while one outer is left; callback order.
import asyncio
import re


def r(x):
    return re.sub(r"( running)? at [^ ]+:\d+", "", repr(x))


def handler(loop, ctx):
    print("  handler:", ctx["message"], repr(ctx.get("exception")))


def cb(label):
    def f(fut):
        print("  cb", label, "cancelled" if fut.cancelled() else "done")
    return f


async def job(name, gate, fail=None):
    print("  job", name, "starts")
    try:
        await gate
    except asyncio.CancelledError as e:
        print("  job", name, "cancelled", repr(str(e)))
        raise
    print("  job", name, "ends")
    if fail is not None:
        raise fail
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    print("-- the same task shielded twice: two outers, one cancelled")
    gate = loop.create_future()
    t = asyncio.create_task(job("t", gate), name="t")
    s1 = asyncio.shield(t)
    s2 = asyncio.shield(t)
    print("two outers", s1 is not s2, "t:", r(t))
    print("s1:", r(s1))
    s1.add_done_callback(cb("s1"))
    s2.add_done_callback(cb("s2"))
    await asyncio.sleep(0)
    print("cancel s1", s1.cancel("s1 msg"), "again", s1.cancel("x"))
    print("t after s1.cancel (callback still there until s1's callbacks run):", r(t))
    await asyncio.sleep(0)
    print("t after one iteration:", r(t))
    gate.set_result(None)
    print("s2 result", await s2, "s1 cancelled", s1.cancelled(), "t", t.result())
    try:
        await s1
    except asyncio.CancelledError as e:
        print("await s1: CancelledError", repr(str(e)))

    print("-- the awaiter of a shield is cancelled with a message")
    gate = loop.create_future()
    inner = asyncio.create_task(job("u", gate), name="u")

    async def awaiter():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError as e:
            print("  awaiter CancelledError", repr(str(e)), "inner done", inner.done())
            raise
    a = asyncio.create_task(awaiter())
    await asyncio.sleep(0)
    a.cancel("go away")
    await asyncio.sleep(0)
    print("a", a.cancelled(), "inner", r(inner))
    gate.set_result(None)
    print("inner result", await inner)

    print("-- every outer cancelled, then the inner fails: no callback of shield's is left on it")
    gate = loop.create_future()
    t = asyncio.create_task(job("v", gate, fail=ValueError("v failed")), name="v")
    s1, s2 = asyncio.shield(t), asyncio.shield(t)
    await asyncio.sleep(0)
    s1.cancel()
    s2.cancel()
    await asyncio.sleep(0)
    print("t:", r(t))
    gate.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t done", t.done(), repr(t.exception()))

    print("-- one outer left when the inner fails: the outer carries the error")
    gate = loop.create_future()
    t = asyncio.create_task(job("w", gate, fail=KeyError("w")), name="w")
    s1, s2 = asyncio.shield(t), asyncio.shield(t)
    s2.add_done_callback(cb("s2"))
    t.add_done_callback(cb("t"))
    s1.cancel()
    gate.set_result(None)
    try:
        await s2
    except KeyError as e:
        print("await s2: KeyError", repr(e), e is t.exception())

    print("-- the inner is cancelled (with a message): each outer is cancelled without it")
    gate = loop.create_future()
    t = asyncio.create_task(job("x", gate), name="x")
    s1, s2 = asyncio.shield(t), asyncio.shield(t)
    s1.add_done_callback(cb("s1"))
    s2.add_done_callback(cb("s2"))
    await asyncio.sleep(0)
    t.cancel("inner msg")
    for s in (s1, s2):
        try:
            await s
        except asyncio.CancelledError as e:
            print("outer CancelledError", repr(str(e)))

    print("-- shield of a gather, gather of shields")
    g1, g2 = loop.create_future(), loop.create_future()
    gat = asyncio.gather(g1, g2)
    sg = asyncio.shield(gat)
    print("gather:", r(gat))
    sg.cancel("outer only")
    await asyncio.sleep(0)
    print("gather after:", r(gat), "g1", g1.cancelled())
    g1.set_result(1)
    g2.set_result(2)
    print("gather result", await gat)
    h1 = loop.create_future()
    t = asyncio.create_task(job("y", h1), name="y")
    gs = asyncio.gather(asyncio.shield(t), asyncio.shield(h1), return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel gather of shields", gs.cancel("gs"))
    try:
        print("result?", await gs)
    except asyncio.CancelledError as e:
        print("gather of shields: CancelledError", repr(str(e)))
    print("t", r(t))
    print("h1", r(h1))
    h1.set_result("h1")
    print("t result", await t)

    print("-- shield of a shield of a coroutine; cancel the outermost")
    gate = loop.create_future()
    inner_s = asyncio.shield(job("z", gate))
    outer_s = asyncio.shield(inner_s)
    print("inner_s:", r(inner_s))
    outer_s.cancel()
    await asyncio.sleep(0)
    print("inner_s after:", r(inner_s), "cancelled", inner_s.cancelled())
    gate.set_result(None)
    print("inner_s result", await inner_s)

    print("-- shield of already-finished futures is the future itself, even failed or cancelled")
    f = loop.create_future()
    f.set_exception(ValueError("done bad"))
    c = loop.create_future()
    c.cancel("pre")
    print(asyncio.shield(f) is f, asyncio.shield(c) is c)
    try:
        await asyncio.shield(c)
    except asyncio.CancelledError as e:
        print("shield(cancelled): CancelledError", repr(str(e)))
    try:
        await asyncio.shield(f)
    except ValueError as e:
        print("shield(failed): ValueError", repr(e))
    print("loop still runs", await asyncio.shield(asyncio.sleep(0, "ok")))


asyncio.run(main())
