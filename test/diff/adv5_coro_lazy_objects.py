import asyncio

# Calling a coroutine function runs nothing: the body starts only when the object is awaited
# (inline, by whichever task awaits it) or wrapped in a task. Objects created before the loop,
# in another task, in a task that is then cancelled, created in one order and awaited in
# another, with arguments mutated after the call, whose body raises at once, and never awaited.

log = []


async def body(tag, box=None):
    t = asyncio.current_task()
    print("  body", tag, "starts in", t.get_name() if t else None, "box", box)
    await asyncio.sleep(0)
    print("  body", tag, "resumes in", asyncio.current_task().get_name())
    return "r-" + tag


async def raiser(tag):
    print("  raiser", tag, "runs")
    raise ValueError("raised by " + tag)


async def make_in_task(store):
    store.append(body("made-in-A"))
    print("  A stored a coroutine, sleeps")
    await asyncio.sleep(10)


early = body("early")


async def main():
    print("main starts, nothing ran yet")
    print("iscoroutine", asyncio.iscoroutine(early), asyncio.iscoroutine(body), asyncio.iscoroutinefunction(body))
    print("== created in order 1..4, awaited 4..1")
    cs = [body("c%d" % i) for i in range(1, 5)]
    print("created 4, still nothing ran")
    for c in reversed(cs):
        print("got", await c)
    print("== created before the loop")
    print("got", await early)
    print("== created in task A, awaited by main while A sleeps, then A cancelled")
    store = []
    a = asyncio.create_task(make_in_task(store), name="A")
    await asyncio.sleep(0)
    print("main got", await store[0])
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print("A cancelled", a.cancelled())
    print("== created in a task that is cancelled before it is used, then given to create_task")
    store2 = []
    b = asyncio.create_task(make_in_task(store2), name="B")
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.sleep(0)
    print("B done", b.done(), "cancelled", b.cancelled())
    t = asyncio.create_task(store2[0], name="runner")
    print("runner created, name", t.get_name())
    print("runner ->", await t)
    print("== the arguments are bound at the call; the list is shared")
    box = [1]
    c = body("boxed", box)
    box.append(2)
    print("got", await c, "box now", box)
    print("== a body that raises: creating it raises nothing")
    r = raiser("x")
    print("created raiser")
    try:
        await r
    except ValueError as e:
        print("await raised", type(e).__name__, repr(str(e)))
    print("== task order follows task creation, not coroutine creation")
    c1, c2, c3 = body("k1"), body("k2"), body("k3")
    t3 = asyncio.create_task(c3, name="t3")
    t1 = asyncio.create_task(c1, name="t1")
    print("gather ->", await asyncio.gather(t1, c2, t3))
    print("== gather of coroutines created in reverse")
    d2, d1 = body("d2"), body("d1")
    print("gather ->", await asyncio.gather(d1, d2))
    print("== a task created from a coroutine and cancelled before its first step never runs the body")
    e = body("never-runs")
    te = asyncio.create_task(e, name="te")
    te.cancel("early cancel")
    try:
        await te
    except asyncio.CancelledError as ex:
        print("te cancelled", repr(str(ex)), "cancelling", te.cancelling())
    print("== never awaited objects")
    unused = [body("unused-%d" % i) for i in range(3)]
    print("made", len(unused), "unused coroutines;", all(asyncio.iscoroutine(u) for u in unused))
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
print("after run")
