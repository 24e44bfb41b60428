import asyncio

# Coroutines whose tasks are cancelled before their first step never run a line of their body
# (not even a finally clause: the try was never entered), whatever wrapped them: create_task,
# ensure_future, gather (with and without return_exceptions), wait_for cancelled before its
# own first step, a TaskGroup whose body fails at once, a task cancelled twice before starting
# (the second message wins), a task cancelled and then uncancelled before starting (still
# cancelled: the request stands). A wait_for cancelled one step later has already scheduled its
# inner task, which runs its first step before the cancellation reaches it; and a shielded
# coroutine runs to the end. Each case shows what the awaiter gets, which bodies ran and
# finished, and that the coroutine is left unusable.

ran = []
fin = []


async def work(tag):
    ran.append(tag)
    try:
        await asyncio.sleep(0)
        return "w-" + tag
    finally:
        fin.append(tag)


async def settle(label, aw):
    try:
        r = await aw
        print(label, "->", repr(r))
    except asyncio.CancelledError as e:
        print(label, "-> CancelledError", repr(str(e)))
    except ExceptionGroup as eg:
        print(label, "-> ExceptionGroup of", [str(e) for e in eg.exceptions])
    for _ in range(3):
        await asyncio.sleep(0)
    print("   ran", sorted(ran), "finally", sorted(fin))
    del ran[:]
    del fin[:]


async def reuse(label, c):
    try:
        await c
        print("   ", label, "awaited again?")
    except RuntimeError as e:
        print("   ", label, "awaited again ->", repr(str(e)))


async def main():
    c = work("t")
    t = asyncio.create_task(c)
    print("cancel ->", t.cancel("early"))
    await settle("create_task", t)
    await reuse("its coroutine", c)

    c = work("ef")
    f = asyncio.ensure_future(c)
    f.cancel()
    await settle("ensure_future", f)
    await reuse("its coroutine", c)

    t = asyncio.create_task(work("twice"))
    print("cancel ->", t.cancel("one"), "cancel ->", t.cancel("two"), "cancelling", t.cancelling())
    await settle("cancelled twice", t)

    t = asyncio.create_task(work("unc"))
    print("cancel ->", t.cancel("u"), "uncancel ->", t.uncancel(), "cancelling", t.cancelling())
    await settle("cancelled then uncancelled", t)

    c1, c2 = work("g1"), work("g2")
    g = asyncio.gather(c1, c2)
    print("gather cancel ->", g.cancel("g-msg"))
    await settle("gather", g)
    await reuse("a gathered coroutine", c1)

    g = asyncio.gather(work("r1"), work("r2"), return_exceptions=True)
    print("gather cancel ->", g.cancel())
    await settle("gather(return_exceptions)", g)

    t = asyncio.create_task(asyncio.wait_for(work("wf0"), 10))
    t.cancel("before wait_for ran")
    await settle("wait_for cancelled before its first step", t)

    t = asyncio.create_task(asyncio.wait_for(work("wf1"), 10))
    await asyncio.sleep(0)
    print("wait_for ran one step, ran", ran)
    t.cancel("after one step")
    await settle("wait_for cancelled after its first step", t)

    s = asyncio.shield(work("sh"))
    print("shield cancel ->", s.cancel())
    await settle("shield", s)

    async def group():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("tg1"))
            tg.create_task(work("tg2"))
            raise ValueError("body fails at once")

    await settle("TaskGroup", group())
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
