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

async def inner(name, d, mode="plain"):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("  inner", name, "cancelled", repr(str(e)))
        if mode == "swallow":
            return "swallowed-" + name
        raise
    print("  inner", name, "wakes")
    if mode == "fail":
        raise ValueError(name)
    return name

async def awaiter(label, aw):
    me = asyncio.current_task()
    try:
        r = await aw
        print(" ", label, "->", repr(r), "cancelling", me.cancelling())
        return r
    except asyncio.CancelledError as e:
        print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", me.cancelling())
        raise
    except Exception as e:
        print(" ", label, "->", type(e).__name__, repr(str(e)))

async def settle(label, t):
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(" ", label, state(t))

async def main():
    loop = asyncio.get_running_loop()

    for order in ("inner first", "awaiter first"):
        print("-- inner task and the shield's awaiter are cancelled in one iteration:", order)
        it = asyncio.create_task(inner("i", 5))
        sh = asyncio.shield(it)
        a = asyncio.create_task(awaiter("a", sh))
        await ticks(1)
        now = loop.time()
        if order == "inner first":
            loop.call_at(now + 0.005, lambda: print("  cancel inner ->", it.cancel("in")))
            loop.call_at(now + 0.010, lambda: print("  cancel awaiter ->", a.cancel("aw")))
        else:
            loop.call_at(now + 0.005, lambda: print("  cancel awaiter ->", a.cancel("aw")))
            loop.call_at(now + 0.010, lambda: print("  cancel inner ->", it.cancel("in")))
        block(0.03)
        await settle("awaiter", a)
        await settle("inner", it)
        print("  shield", state(sh))

    for mode in ("plain", "fail"):
        print("-- inner finishes (%s) in the iteration the awaiter is cancelled" % mode)
        it = asyncio.create_task(inner("i", 0.005, mode))
        sh = asyncio.shield(it)
        a = asyncio.create_task(awaiter("a", sh))
        await ticks(1)
        now = loop.time()
        loop.call_at(now + 0.02, lambda: print("  cancel awaiter ->", a.cancel("aw")))
        block(0.04)
        await settle("awaiter", a)
        await ticks(2)
        print("  inner", state(it), "shield", state(sh))

    print("-- the shield's awaiter is cancelled in the iteration the shield completes")
    it = asyncio.create_task(inner("i", 0.005))
    sh = asyncio.shield(it)
    a = asyncio.create_task(awaiter("a", sh))
    it.add_done_callback(lambda _: print("  shield", state(sh), "cancel awaiter ->", a.cancel("late")))
    await settle("awaiter", a)
    print("  awaiter cancelling", a.cancelling())

    print("-- inner cancelled from outside while the awaiter waits: awaiter sees CancelledError")
    it = asyncio.create_task(inner("i", 5))
    a = asyncio.create_task(awaiter("a", asyncio.shield(it)))
    await ticks(1)
    it.cancel("outside")
    await settle("awaiter", a)
    print("  awaiter cancelling", a.cancelling())

    print("-- inner swallows an outside cancel: the shield gets its result")
    it = asyncio.create_task(inner("i", 5, "swallow"))
    a = asyncio.create_task(awaiter("a", asyncio.shield(it)))
    await ticks(1)
    it.cancel("outside")
    await settle("awaiter", a)

    print("-- shield of a shield; the awaiter is cancelled; then the inner")
    it = asyncio.create_task(inner("i", 5))
    s1 = asyncio.shield(it)
    s2 = asyncio.shield(s1)
    a = asyncio.create_task(awaiter("a", s2))
    await ticks(1)
    a.cancel("a-stop")
    await settle("awaiter", a)
    print("  s1", state(s1), "s2", state(s2), "inner", state(it))
    it.cancel("i-stop")
    await ticks(3)
    print("  s1", state(s1), "inner", state(it))

    print("-- shield of a done future is the future itself; of a coroutine")
    f = loop.create_future()
    f.set_result(1)
    print("  same object", asyncio.shield(f) is f)
    sh = asyncio.shield(inner("c", 0.01))
    a = asyncio.create_task(awaiter("a", sh))
    await ticks(1)
    a.cancel()
    await settle("awaiter", a)
    await asyncio.sleep(0.02)
    print("  shield", state(sh))

    print("-- wait_for(shield(task), 0) and gather(shield(task)) cancelled")
    it = asyncio.create_task(inner("w", 0.01))
    try:
        await asyncio.wait_for(asyncio.shield(it), 0)
    except asyncio.TimeoutError:
        print("  wait_for TimeoutError; inner", state(it))
    g = asyncio.gather(asyncio.shield(it), inner("g", 5))
    await ticks(1)
    print("  cancel gather ->", g.cancel("g-stop"))
    await settle("gather", g)
    await asyncio.sleep(0.02)
    print("  inner", state(it))

asyncio.run(main())
