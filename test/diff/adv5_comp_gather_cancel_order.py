# Cancelling gather()'s outer future at different points, over mixed children (plain futures,
# tasks not started yet, tasks waiting on a future, on a sleep, on a nested gather, on a shield):
# what cancel() returns, the order the children see the cancellation, the order their done
# callbacks (gather's and the user's) run, and what the outer future and its awaiter end with.
import asyncio


def cb(label):
    def f(fut):
        state = "cancelled" if fut.cancelled() else ("exc" if fut.exception() is not None else "result")
        print("  cb", label, state)
    return f


async def child(name, aw):
    print("  start", name)
    try:
        r = await aw
        print("  end", name, r)
        return r
    except asyncio.CancelledError as e:
        print("  cancelled", name, repr(str(e)))
        raise


async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel right after gather(): children are not started yet")
    f1 = loop.create_future()
    ts = [asyncio.create_task(child("a", f1)), asyncio.create_task(child("b", asyncio.sleep(10)))]
    f0 = loop.create_future()
    g = asyncio.gather(f0, *ts)
    for i, x in enumerate([f0] + ts):
        x.add_done_callback(cb("child%d" % i))
    g.add_done_callback(cb("outer"))
    print("cancel", g.cancel("early"))
    print("f0 cancelled now", f0.cancelled(), "tasks", [t.cancelling() for t in ts])
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))
    print("states", [x.cancelled() for x in [f0] + ts])

    print("-- cancel when the tasks are suspended: order of cancellation and callbacks")
    f1 = loop.create_future()
    inner_g = asyncio.gather(asyncio.sleep(10), loop.create_future())
    ts = [asyncio.create_task(child("c", f1), name="c"),
          asyncio.create_task(child("d", asyncio.sleep(10)), name="d"),
          asyncio.create_task(child("e", inner_g), name="e")]
    f2 = loop.create_future()
    g = asyncio.gather(ts[0], f2, ts[1], ts[2])
    for i, x in enumerate([ts[0], f2, ts[1], ts[2]]):
        x.add_done_callback(cb("child%d" % i))
    g.add_done_callback(cb("outer"))
    await asyncio.sleep(0)
    loop.call_soon(print, "  soon before cancel")
    print("cancel", g.cancel("mid"))
    loop.call_soon(print, "  soon after cancel")
    print("cancel again", g.cancel("again"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))
    print("inner gather", inner_g.cancelled())

    print("-- one child done, one failed (return_exceptions), then cancel")
    f1 = loop.create_future()
    f2 = loop.create_future()
    t = asyncio.create_task(child("f", asyncio.sleep(10)))
    g = asyncio.gather(f1, f2, t, return_exceptions=True)
    g.add_done_callback(cb("outer"))
    f1.set_result(1)
    f2.set_exception(ValueError("v"))
    await asyncio.sleep(0)
    print("cancel", g.cancel("late"), "g done", g.done())
    try:
        print("result?", await g)
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))

    print("-- the task awaiting the gather is cancelled: message reaches every child")
    f1 = loop.create_future()
    ts = [asyncio.create_task(child("g%d" % i, asyncio.sleep(10))) for i in range(3)]

    async def waiter():
        try:
            return await asyncio.gather(f1, *ts)
        except asyncio.CancelledError as e:
            print("  waiter CancelledError", repr(str(e)), asyncio.current_task().cancelling())
            raise

    w = asyncio.create_task(waiter())
    w.add_done_callback(cb("waiter"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel waiter", w.cancel("from outside"))
    await asyncio.sleep(0)
    print("f1", f1.cancelled(), "ts", [t.cancelled() for t in ts], "w done", w.done())
    try:
        await w
    except asyncio.CancelledError as e:
        print("w: CancelledError", repr(str(e)))

    print("-- cancel from a child's done callback")
    f1 = loop.create_future()
    f2 = loop.create_future()
    t = asyncio.create_task(child("h", asyncio.sleep(10)))
    g = asyncio.gather(f1, f2, t)

    def cancel_outer(fut):
        print("  cancel_outer from callback:", g.cancel("cb"))
    f1.add_done_callback(cancel_outer)
    g.add_done_callback(cb("outer"))
    await asyncio.sleep(0)
    f1.set_result("one")
    try:
        await g
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))
    print("f2", f2.cancelled(), "t", t.cancelled())

    print("-- a shielded child: the shield's outer is cancelled, the work goes on")
    work = asyncio.create_task(child("work", asyncio.sleep(0.2, "w")))
    sh = asyncio.shield(work)
    f1 = loop.create_future()
    g = asyncio.gather(sh, f1, return_exceptions=True)
    g.add_done_callback(cb("outer"))
    await asyncio.sleep(0)
    print("cancel", g.cancel("shielded"))
    try:
        print("result?", await g)
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))
    print("work", await work, "sh", sh.cancelled())

    print("-- a child that resists: return_exceptions off, the outer still ends cancelled")
    async def resist():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  resist: swallowed")
            await asyncio.sleep(0)
            return "kept"
    t1 = asyncio.create_task(resist())
    t2 = asyncio.create_task(child("i", asyncio.sleep(10)))
    g = asyncio.gather(t1, t2)
    g.add_done_callback(cb("outer"))
    await asyncio.sleep(0)
    print("cancel", g.cancel("resisted"))
    try:
        print("result?", await g)
    except asyncio.CancelledError as e:
        print("awaited: CancelledError", repr(str(e)))
    print("t1", t1.result(), "t2", t2.cancelled())
    print("loop still runs", await asyncio.gather(asyncio.sleep(0, "x")))


asyncio.run(main())
