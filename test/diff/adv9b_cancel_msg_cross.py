import asyncio

# CancelledError messages as they cross compositions, seen at every level: which message a leaf
# sees, which one the composition raises, cancelling() of the tasks involved. A leaf cancelled
# with a message inside a gather, a nested gather, a shield (the outer is cancelled without
# it), wait_for (the inner cancelled by the outer's cancel gets none) and a TaskGroup (a child
# cancelled on its own does not fail the group; the parent cancelled with a message, the
# children without); timeout() expiring (no message; the TimeoutError's cause); the message of
# a cancel() on a gather, on a shield's outer, and on a task waiting in as_completed.


def desc(e):
    return f"{type(e).__name__}({str(e)!r})"


async def leaf(name, delay=10, swallow=False, late=False):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError as e:
        if late:
            # One iteration later: a TaskGroup cancels its children in the order of a set (by
            # address), so siblings cancelled together would otherwise print in an arbitrary order.
            await asyncio.sleep(0)
        t = asyncio.current_task()
        print("   ", name, "sees", desc(e), "cancelling", t.cancelling())
        if swallow:
            return name + " swallowed"
        raise


async def outcome(label, aw):
    try:
        r = await aw
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "raised", desc(e), "cause", desc(e.__cause__) if e.__cause__ else None)


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("gather, a leaf cancelled with a message:")
    a = loop.create_task(leaf("a"), name="a")
    b = loop.create_task(leaf("b", 0.2), name="b")
    loop.call_later(0.05, a.cancel, "leaf msg")
    await outcome("  gather", asyncio.gather(a, b))
    await b

    print("nested gather cancelled from outside with a message:")
    c = loop.create_task(leaf("c"), name="c")
    d = loop.create_task(leaf("d", swallow=True), name="d")
    inner = asyncio.gather(c, d)
    outer = asyncio.gather(inner, leaf("e"))
    loop.call_later(0.05, outer.cancel, "outer msg")
    await outcome("  outer gather", outer)
    print("  inner cancelled", inner.cancelled(), "c", c.cancelled(), "d", repr(d.result()))

    print("gather(return_exceptions) with a leaf cancelled with a message:")
    f = loop.create_task(leaf("f"), name="f")
    loop.call_later(0.05, f.cancel, "rx msg")
    res = await asyncio.gather(f, asyncio.sleep(0.1, "g"), return_exceptions=True)
    print("  gather rx ->", [desc(x) if isinstance(x, BaseException) else x for x in res])

    print("shield, the inner cancelled with a message:")
    h = loop.create_task(leaf("h"), name="h")
    loop.call_later(0.05, h.cancel, "inner msg")
    await outcome("  shield", asyncio.shield(h))

    print("shield, the outer cancelled with a message:")
    i = loop.create_task(leaf("i", 0.2), name="i")
    sh = asyncio.shield(i)
    loop.call_later(0.05, sh.cancel, "outer msg")
    await outcome("  shield outer", sh)
    await outcome("  inner i", i)

    print("wait_for, the awaiting task cancelled with a message:")
    j = loop.create_task(leaf("j"), name="j")

    async def waiter():
        return await asyncio.wait_for(j, 10)
    wt = loop.create_task(waiter(), name="waiter")
    loop.call_later(0.05, wt.cancel, "waiter msg")
    await outcome("  wait_for task", wt)
    print("  j cancelled", j.cancelled(), "waiter cancelling", wt.cancelling())

    print("wait_for, the inner cancelled with a message:")
    k = loop.create_task(leaf("k"), name="k")
    loop.call_later(0.05, k.cancel, "k msg")
    await outcome("  wait_for", asyncio.wait_for(k, 10))

    print("wait_for timing out:")
    await outcome("  wait_for", asyncio.wait_for(leaf("l"), 0.05))
    print("  main cancelling", me.cancelling())

    print("timeout() expiring:")

    async def in_timeout():
        async with asyncio.timeout(0.05):
            await leaf("m")
    await outcome("  timeout", in_timeout())

    print("TaskGroup, a child cancelled with a message:")

    async def tg_child_cancel():
        async with asyncio.TaskGroup() as tg:
            n = tg.create_task(leaf("n"), name="n")
            tg.create_task(leaf("o", 0.2), name="o")
            loop.call_later(0.05, n.cancel, "n msg")
        return "group done, n cancelled %s" % n.cancelled()
    await outcome("  tg", tg_child_cancel())

    print("TaskGroup, the parent cancelled with a message:")

    async def tg_parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(leaf("p"), name="p")
            tg.create_task(leaf("q", swallow=True, late=True), name="q")
            await leaf("body")
    pt = loop.create_task(tg_parent(), name="parent")
    loop.call_later(0.05, pt.cancel, "parent msg")
    await outcome("  tg parent", pt)
    print("  parent cancelling", pt.cancelling())

    print("TaskGroup, a child fails; the body and siblings are cancelled without a message:")

    async def boom():
        await asyncio.sleep(0.05)
        raise ValueError("boom")

    async def tg_fail():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(), name="boom")
            tg.create_task(leaf("r"), name="r")
            await leaf("body2")
    await outcome("  tg fail", tg_fail())
    print("  main cancelling", me.cancelling())

    print("as_completed, the consuming task cancelled with a message:")

    async def consume():
        for fut in asyncio.as_completed([leaf("s")]):
            return await fut
    ct = loop.create_task(consume(), name="consumer")
    loop.call_later(0.05, ct.cancel, "consumer msg")
    await outcome("  as_completed", ct)
    await asyncio.sleep(0.01)
    print("done, tasks left", sorted(t.get_name() for t in asyncio.all_tasks() if t is not me))


asyncio.run(main())
