import asyncio

# Cancelling a task while it waits in asyncio.wait() or on another task, including cancels that
# land after what it waits for has completed but before the task resumed.


async def work(name, gate):
    try:
        v = await gate
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise
    print(name, "done")
    return name + str(v)


def names(fs):
    return sorted(f.get_name() for f in fs)


async def waiter(label, fs, **kw):
    try:
        done, pending = await asyncio.wait(fs, **kw)
        print(label, "done", names(done), "pending", names(pending))
    except asyncio.CancelledError as e:
        print(label, "cancelled", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        raise


async def awaiter(label, t):
    try:
        r = await t
        print(label, "got", repr(r))
        return r
    except asyncio.CancelledError as e:
        print(label, "cancelled", repr(str(e)), "inner done", t.done(), "inner cancelled", t.cancelled())
        raise


async def finish(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print("  main: task cancelled", repr(str(e)), "cancelling", t.cancelling())


async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel a task blocked in wait(): the awaited tasks go on")
    ga, gb = loop.create_future(), loop.create_future()
    a = asyncio.create_task(work("a", ga), name="a")
    b = asyncio.create_task(work("b", gb), name="b")
    w = asyncio.create_task(waiter("w1", {a, b}))
    await asyncio.sleep(0)
    print("cancel ->", w.cancel("stop"))
    await finish(w)
    ga.set_result(1)
    gb.set_result(2)
    print("results", await a, await b)

    print("-- wait(FIRST_COMPLETED): a child finishes, the waiter is cancelled before it resumes")
    ga, gb = loop.create_future(), loop.create_future()
    a = asyncio.create_task(work("a", ga), name="a")
    b = asyncio.create_task(work("b", gb), name="b")
    w = asyncio.create_task(waiter("w2", {a, b}, return_when=asyncio.FIRST_COMPLETED))
    await asyncio.sleep(0)
    ga.set_result(1)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("a done", a.done(), "-> cancel", w.cancel("late"))
    await finish(w)
    b.cancel()
    await asyncio.sleep(0)

    print("-- wait() with a timeout: cancelled before it expires")
    ga = loop.create_future()
    a = asyncio.create_task(work("a", ga), name="a")
    w = asyncio.create_task(waiter("w3", {a}, timeout=0.01))
    await asyncio.sleep(0)
    w.cancel()
    await finish(w)
    await asyncio.sleep(0.02)
    print("after the timeout would have fired: a done", a.done())
    ga.set_result(3)
    print("a", await a)

    print("-- wait() on already-done tasks: the cancel requested first wins")
    a = asyncio.create_task(work("a", asyncio.sleep(0, 7)), name="a")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    w = asyncio.create_task(waiter("w4", {a}))
    print("cancel before start ->", w.cancel("early"))
    await finish(w)

    print("-- a task awaiting a task that finished in this iteration")
    g = loop.create_future()
    inner = asyncio.create_task(work("i", g), name="i")
    outer = asyncio.create_task(awaiter("o1", inner))
    await asyncio.sleep(0)
    g.set_result(5)
    await asyncio.sleep(0)
    print("inner done", inner.done(), "-> cancel outer", outer.cancel("too late"), "inner cancelling", inner.cancelling())
    await finish(outer)

    print("-- a task awaiting a task that failed in this iteration")
    g = loop.create_future()
    inner = asyncio.create_task(work("j", g), name="j")
    outer = asyncio.create_task(awaiter("o2", inner))
    await asyncio.sleep(0)
    g.set_exception(ValueError("k"))
    await asyncio.sleep(0)
    print("inner done", inner.done(), "-> cancel outer", outer.cancel("too late 2"))
    await finish(outer)
    try:
        await inner
    except ValueError as e:
        print("inner raised ValueError", str(e))

    print("-- two tasks await the same task; one is cancelled")
    g = loop.create_future()
    inner = asyncio.create_task(work("s", g), name="s")
    o1 = asyncio.create_task(awaiter("p1", inner))
    o2 = asyncio.create_task(awaiter("p2", inner))
    await asyncio.sleep(0)
    o1.cancel("p1 only")
    await finish(o1)
    print("o2 done", o2.done(), "inner cancelled", inner.cancelled())
    await finish(o2)


asyncio.run(main())
