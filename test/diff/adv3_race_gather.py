import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return type(f.exception()).__name__ + "(" + repr(str(f.exception())) + ")"
    return "result " + repr(f.result())

def fmt(r):
    if isinstance(r, BaseException):
        return type(r).__name__ + "(" + repr(str(r)) + ")"
    return repr(r)

async def child(name, d, mode="plain"):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  child", name, "cancelled", repr(str(e)))
        if mode == "swallow":
            return "swallowed-" + name
        raise
    print("  child", name, "wakes")
    if mode == "fail":
        raise ValueError(name)
    return name

async def await_gather(label, g):
    me = asyncio.current_task()
    try:
        r = await g
        print(" ", label, "->", [fmt(x) for x in r], "cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", me.cancelling())
    except Exception as e:
        print(" ", label, "->", fmt(e), "cancelling", me.cancelling())

async def main():
    loop = asyncio.get_running_loop()

    for rex in (False, True):
        print("-- a future fails, then gather is cancelled, same iteration; return_exceptions", rex)
        a = loop.create_future()
        b = asyncio.create_task(child("b", 5))
        g = asyncio.gather(a, b, child("c", 5), return_exceptions=rex)
        await ticks(1)
        now = loop.time()
        loop.call_at(now + 0.005, lambda: a.set_exception(ValueError("a")))
        loop.call_at(now + 0.010, lambda: print("  cancel gather ->", g.cancel("stop")))
        block(0.03)
        await await_gather("g", g)
        await ticks(2)
        print("  b", state(b))

        print("-- gather is cancelled, then a task child's wakeup turns into a cancellation; return_exceptions", rex)
        b = asyncio.create_task(child("b", 0.02, "fail"))
        c = asyncio.create_task(child("c", 5))
        g = asyncio.gather(b, c, return_exceptions=rex)
        await ticks(1)
        now = loop.time()
        loop.call_at(now + 0.005, lambda: print("  cancel gather ->", g.cancel("stop2")))
        block(0.04)
        await await_gather("g", g)
        print("  b", state(b), "c", state(c))

    print("-- cancelled gather whose last child swallows the cancellation")
    for rex in (False, True):
        b = asyncio.create_task(child("b", 5))
        s = asyncio.create_task(child("s", 5, "swallow"))
        g = asyncio.gather(b, s, return_exceptions=rex)
        await ticks(1)
        print("  cancel ->", g.cancel("msg"))
        await await_gather("rex %s" % rex, g)
        print("  b", state(b), "s", state(s))

    print("-- cancelled gather whose first child swallows the cancellation")
    for rex in (False, True):
        s = asyncio.create_task(child("s", 5, "swallow"))
        b = asyncio.create_task(child("b", 5))
        g = asyncio.gather(s, b, return_exceptions=rex)
        await ticks(1)
        print("  cancel ->", g.cancel("msg"))
        await await_gather("rex %s" % rex, g)

    print("-- cancelled gather: every child swallows")
    for rex in (False, True):
        s1 = asyncio.create_task(child("s1", 5, "swallow"))
        s2 = asyncio.create_task(child("s2", 5, "swallow"))
        g = asyncio.gather(s1, s2, return_exceptions=rex)
        await ticks(1)
        print("  cancel ->", g.cancel("all"))
        await await_gather("rex %s" % rex, g)

    print("-- cancelled gather whose last child is an already-done future")
    done = loop.create_future()
    done.set_result("D")
    b = asyncio.create_task(child("b", 5))
    g = asyncio.gather(b, done, return_exceptions=True)
    await ticks(1)
    print("  cancel ->", g.cancel("withdone"))
    await await_gather("done-last", g)

    print("-- the awaiting task is cancelled in the iteration a child fails")
    a = loop.create_future()
    b = asyncio.create_task(child("b", 5))
    g = asyncio.gather(a, b)
    t = asyncio.create_task(await_gather("t", g))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, lambda: a.set_exception(KeyError("a")))
    loop.call_at(now + 0.010, lambda: print("  cancel task ->", t.cancel("tmsg")))
    block(0.03)
    await t
    await ticks(2)
    print("  t cancelling", t.cancelling(), "b", state(b), "g", state(g))

    print("-- the awaiting task is cancelled after the gather completed in the same iteration")
    a = loop.create_future()
    g = asyncio.gather(a, child("c", 0))
    t = asyncio.create_task(await_gather("t2", g))
    await ticks(3)
    a.set_result("A")
    await ticks(1)  # gather's callback runs and finishes the gather
    print("  g", state(g), "cancel task ->", t.cancel("late"))
    await t
    print("  t2 cancelling", t.cancelling())

    print("-- nested gather: inner child fails as outer is cancelled")
    a = loop.create_future()
    inner = asyncio.gather(a, child("x", 5))
    outer = asyncio.gather(inner, child("y", 5))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, lambda: a.set_exception(ValueError("inner-a")))
    loop.call_at(now + 0.010, lambda: print("  cancel outer ->", outer.cancel("outer-msg")))
    block(0.03)
    await await_gather("outer", outer)
    await ticks(3)
    print("  inner", state(inner))

    print("-- duplicates: gather(t, t, f, f) with t cancelled")
    t1 = asyncio.create_task(child("t1", 5))
    f = loop.create_future()
    g = asyncio.gather(t1, t1, f, f, return_exceptions=True)
    await ticks(1)
    t1.cancel("dup")
    f.set_result("F")
    await await_gather("dups", g)

asyncio.run(main())
