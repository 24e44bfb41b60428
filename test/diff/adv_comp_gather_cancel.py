import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, mode="raise"):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("child", name, "sees", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        if mode == "swallow":
            return "swallowed-" + name
        if mode == "other":
            raise ValueError("from-" + name)
        if mode == "custom":
            raise asyncio.CancelledError("custom-" + name)
        raise
    return name

async def quick(name):
    return name

def outcome(g):
    if g.cancelled():
        return "cancelled"
    e = g.exception()
    if e is None:
        return "result " + repr(g.result())
    return "exception " + type(e).__name__ + " " + repr(str(e))

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel: one child done, one pending")
    a = asyncio.create_task(quick("a"))
    b = asyncio.create_task(child("b"))
    g = asyncio.gather(a, b)
    await ticks(2)
    print("a done", a.done(), "g done", g.done())
    print("cancel returned", g.cancel("stop"))
    print("cancel again", g.cancel("again"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("await raised", repr(str(e)))
    print("g:", outcome(g), "g.cancelled()", g.cancelled())
    print("b cancelled", b.cancelled(), "a result", a.result())

    print("-- cancel: all children done, outer not yet settled")
    a = asyncio.create_task(quick("a2"))
    b = asyncio.create_task(quick("b2"))
    await ticks(1)
    g = asyncio.gather(a, b)
    print("g done", g.done(), "cancel returned", g.cancel())
    print("awaited", await g)

    print("-- cancel with return_exceptions: children swallow / raise other / custom")
    a = asyncio.create_task(child("s", "swallow"))
    b = asyncio.create_task(child("o", "other"))
    c = asyncio.create_task(child("c", "custom"))
    d = asyncio.create_task(child("r"))
    g = asyncio.gather(a, b, c, d, return_exceptions=True)
    await ticks(1)
    print("cancel returned", g.cancel("bye"))
    try:
        r = await g
        print("result", r)
    except asyncio.CancelledError as e:
        print("await raised", repr(str(e)))
    print("g:", outcome(g))
    print("c.cancelled", c.cancelled(), "d.cancelled", d.cancelled())

    print("-- return_exceptions, cancelled children, gather not cancelled")
    c = asyncio.create_task(child("c2", "custom"))
    d = asyncio.create_task(child("d2"))
    g = asyncio.gather(c, d, return_exceptions=True)
    await ticks(1)
    c.cancel("m1")
    d.cancel("m2")
    r = await g
    print("results", [type(x).__name__ + ":" + str(x) for x in r])

    print("-- all children swallow, no return_exceptions")
    a = asyncio.create_task(child("s1", "swallow"))
    b = asyncio.create_task(child("s2", "swallow"))
    g = asyncio.gather(a, b)
    await ticks(1)
    print("cancel returned", g.cancel("please"))
    try:
        print("result", await g)
    except asyncio.CancelledError as e:
        print("await raised", repr(str(e)))
    print("g:", outcome(g), "children", a.result(), b.result())

    print("-- child raises other on cancel, no return_exceptions")
    a = asyncio.create_task(child("x", "other"))
    b = asyncio.create_task(child("y"))
    g = asyncio.gather(a, b)
    await ticks(1)
    print("cancel returned", g.cancel())
    try:
        await g
    except ValueError as e:
        print("await raised ValueError", repr(str(e)))
    except asyncio.CancelledError as e:
        print("await raised CancelledError", repr(str(e)))
    await ticks(2)
    print("b cancelled", b.cancelled())

    print("-- cancel the task awaiting gather of a done and a pending child")
    a = asyncio.create_task(quick("q"))
    b = asyncio.create_task(child("p"))
    g = asyncio.gather(a, b)
    async def waiter():
        try:
            return await g
        except asyncio.CancelledError as e:
            print("waiter sees", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
            raise
    w = asyncio.create_task(waiter())
    await ticks(2)
    print("w.cancel", w.cancel("from-main"))
    try:
        await w
    except asyncio.CancelledError as e:
        print("main sees", repr(str(e)), w.cancelled())
    print("g:", outcome(g))

asyncio.run(main())
