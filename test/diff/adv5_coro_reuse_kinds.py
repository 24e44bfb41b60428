import asyncio

# A coroutine object can be awaited once. After it returned, raised, was cancelled mid-way,
# was cancelled before its task's first step, or swallowed a cancellation and returned,
# awaiting it again raises RuntimeError (every time, at any depth of a delegation chain, with
# the finally clauses of the levels in between running), and so do gather, wait_for and shield
# of it; the loop goes on. gather() given the same fresh coroutine twice runs it once.

runs = {}


async def work(tag, how):
    runs[tag] = runs.get(tag, 0) + 1
    print("  work", tag, "run", runs[tag])
    try:
        await asyncio.sleep(0 if how != "long" else 1)
    except asyncio.CancelledError as e:
        print("  work", tag, "cancelled", repr(str(e)))
        if how == "swallow":
            return "swallowed"
        raise
    if how == "raise":
        raise ValueError("work %s failed" % tag)
    return "done " + tag


async def again(co, label):
    try:
        r = await co
        print(" ", label, "unexpectedly got", repr(r))
    except RuntimeError as e:
        print(" ", label, "->", type(e).__name__, repr(str(e)))


async def chain(i, co):
    try:
        if i == 0:
            return await co
        return await chain(i - 1, co)
    finally:
        print("   chain level", i, "finally")


async def main():
    print("== returned")
    co = work("a", "ok")
    print(" first:", await co)
    await again(co, "second await")
    await again(co, "third await")
    print("== raised")
    co = work("b", "raise")
    try:
        await co
    except ValueError as e:
        print(" first raised", repr(str(e)))
    await again(co, "after raise")
    print("== cancelled mid-way in a task")
    co = work("c", "long")
    t = asyncio.create_task(co)
    await asyncio.sleep(0)
    t.cancel("mid")
    try:
        await t
    except asyncio.CancelledError:
        print(" task cancelled", t.cancelled())
    await again(co, "after mid cancel")
    print(" get_coro is the same object:", t.get_coro() is co)
    await again(t.get_coro(), "get_coro()")
    print("== task cancelled before its first step")
    co = work("d", "ok")
    t = asyncio.create_task(co)
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print(" task cancelled", repr(str(e)))
    await again(co, "after early cancel")
    print("== swallowed a cancellation and returned")
    co = work("e", "swallow")
    t = asyncio.create_task(co)
    await asyncio.sleep(0)
    t.cancel("resisted")
    print(" task ->", await t, "cancelling", t.cancelling())
    await again(co, "after swallow")
    print("== reused at the bottom of a delegation chain")
    co = work("f", "ok")
    print(" first:", await co)
    for depth in (0, 2):
        try:
            await chain(depth, co)
        except RuntimeError as e:
            print(" chain", depth, "->", type(e).__name__, repr(str(e)))
    print("== a task whose coroutine awaits a used one fails")
    co = work("g", "ok")
    await co
    t = asyncio.create_task(chain(1, co))
    await asyncio.wait([t])
    e = t.exception()
    print(" task failed", type(e).__name__, repr(str(e)))
    print("== gather / wait_for / shield of a used coroutine")
    try:
        await asyncio.gather(co)
    except RuntimeError as e:
        print(" gather ->", repr(str(e)))
    try:
        await asyncio.wait_for(co, 1)
    except RuntimeError as e:
        print(" wait_for ->", repr(str(e)))
    try:
        await asyncio.shield(co)
    except RuntimeError as e:
        print(" shield ->", repr(str(e)))
    print("== gather of the same fresh coroutine twice")
    co = work("h", "ok")
    print(" gather ->", await asyncio.gather(co, co), "runs", runs["h"])
    await again(co, "after gather")
    print("runs", sorted(runs.items()))
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
