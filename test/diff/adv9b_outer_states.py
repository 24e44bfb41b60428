import asyncio

# exception() and result() (and done(), cancelled()) of the futures compositions hand out, in
# every state they reach: gather's outer pending, failed by a child, with a child cancelled (the
# outer is not cancelled: exception() returns the CancelledError), cancelled through cancel()
# (3.11 ends it with the children's cancellation as an exception, also with
# return_exceptions), cancel() refused once the children are done, gather() of nothing; a
# shield's outer cancelled (really cancelled), failed with its inner's error (the same object),
# shield() of a done future (the future itself); a task being cancelled but still pending; a
# TaskGroup child cancelled by the group's abort. Each read twice where reads consume.


class AppError(ValueError):
    pass


def look(label, f):
    out = [label, "done", f.done(), "cancelled", f.cancelled()]
    for name in ("exception", "result", "exception"):
        try:
            v = getattr(f, name)()
            out += [name, repr(v)]
        except BaseException as e:
            out += [name + "!", repr(e)]
    print(*out)


async def ticks(n=3):
    for _ in range(n):
        await asyncio.sleep(0)


async def fail(msg, n=1):
    await ticks(n)
    raise AppError(msg)


async def main():
    loop = asyncio.get_running_loop()

    print("gather:")
    g = asyncio.gather(asyncio.sleep(0.05, "a"))
    look("  pending", g)
    await g
    look("  finished", g)
    print("  cancel after done ->", g.cancel("late"))

    g = asyncio.gather(fail("child failed"), asyncio.sleep(0.05))
    await ticks()
    look("  child failed", g)

    c1 = loop.create_task(asyncio.sleep(10), name="c1")
    g = asyncio.gather(c1, asyncio.sleep(0.01, "x"))
    await asyncio.sleep(0)
    c1.cancel("child msg")
    await ticks()
    look("  child cancelled", g)

    g = asyncio.gather(asyncio.sleep(10), asyncio.sleep(10))
    await asyncio.sleep(0)
    print("  cancel ->", g.cancel("outer msg"), "again ->", g.cancel("second msg"))
    look("  cancel requested", g)
    await ticks()
    look("  cancelled through cancel()", g)

    g = asyncio.gather(asyncio.sleep(10), asyncio.sleep(0.01, "y"), return_exceptions=True)
    await asyncio.sleep(0)
    print("  cancel rx ->", g.cancel("rx msg"))
    await asyncio.sleep(0.05)
    look("  rx cancelled through cancel()", g)

    f1 = loop.create_future()
    f2 = loop.create_future()
    g = asyncio.gather(f1, f2)
    f1.set_result(1)
    f2.set_result(2)
    print("  cancel with children done, callbacks pending ->", g.cancel("too late"))
    await asyncio.sleep(0)
    look("  children were done", g)

    g = asyncio.gather()
    print("  empty gather cancel ->", g.cancel())
    look("  empty", g)

    print("shield:")
    inner = loop.create_task(asyncio.sleep(0.05, "inner"), name="inner")
    s = asyncio.shield(inner)
    print("  cancel ->", s.cancel("shield msg"))
    look("  outer cancelled", s)
    look("  inner meanwhile", inner)
    await inner
    look("  inner after", inner)

    bad = loop.create_task(fail("inner failed"), name="bad")
    s = asyncio.shield(bad)
    await ticks()
    look("  outer of failed inner", s)
    print("  same object", s.exception() is bad.exception())

    done = loop.create_future()
    done.set_result("already")
    print("  shield of a done future is it", asyncio.shield(done) is done)
    print("  ensure_future of a future is it", asyncio.ensure_future(done) is done)

    print("task:")
    t = loop.create_task(asyncio.sleep(10), name="t")
    await asyncio.sleep(0)
    print("  cancel ->", t.cancel("task msg"))
    look("  cancel requested", t)
    print("  cancelling", t.cancelling())
    await ticks()
    look("  cancelled", t)

    t = loop.create_task(asyncio.sleep(10), name="t2")
    print("  cancel before start ->", t.cancel("early"))
    await asyncio.sleep(0)
    look("  cancelled before start", t)

    print("TaskGroup child cancelled by the abort:")
    kids = []
    try:
        async with asyncio.TaskGroup() as tg:
            kids.append(tg.create_task(asyncio.sleep(10), name="k1"))
            kids.append(tg.create_task(fail("kid failed"), name="k2"))
    except ExceptionGroup as e:
        print("  raised", repr(e))
    look("  k1", kids[0])
    look("  k2", kids[1])
    me = asyncio.current_task()
    if me.cancelling():
        me.uncancel()
    print("done")


asyncio.run(main())
