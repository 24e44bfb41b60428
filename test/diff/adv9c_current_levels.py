import asyncio

# current_task() checked at every level of two tasks running the same three-level chain of
# directly awaited coroutines side by side (their steps interleave): on entry, after each await,
# after an inner coroutine returned, inside a timeout() block and a TaskGroup body (the same
# task), in a TaskGroup child, in gather()'s, wait_for()'s and shield()'s children (tasks of
# their own, default names), after a caught ValueError and a caught self-cancellation, in a
# call_soon callback and a done callback (None), in a task created from the deepest level that
# awaits a coroutine of its own. Return values flow back up the chain.


def who():
    t = asyncio.current_task()
    return "None" if t is None else t.get_name()


def P(tag, *a):
    print(tag, *a)


async def child(tag, me):
    P(me, "  child", tag, "start", who())
    await asyncio.sleep(0)
    P(me, "  child", tag, "after sleep", who())
    return tag


async def failing(me):
    P(me, "  failing in", who())
    await asyncio.sleep(0)
    raise ValueError("f")


async def grandchild(me):
    P(me, "  grandchild", who())
    await asyncio.sleep(0)
    return await child("gc", me)


async def leaf_ops(me):
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    loop.call_soon(lambda: P(me, "  call_soon callback sees", who()))
    async with asyncio.timeout(10):
        P(me, "  timeout body", who())
        await asyncio.sleep(0)
        P(me, "  timeout body after await", who())
    async with asyncio.TaskGroup() as tg:
        P(me, "  tg body", who())
        c = tg.create_task(child("tgc", me), name=me + "-tgchild")
        await asyncio.sleep(0)
        P(me, "  tg body after await", who())
    P(me, "  after tg", who(), c.result())
    rs = await asyncio.gather(child("g1", me), child("g2", me))
    P(me, "  gather ->", rs, who())
    r = await asyncio.wait_for(child("wf", me), 5)
    P(me, "  wait_for ->", r, who())
    r = await asyncio.shield(child("sh", me))
    P(me, "  shield ->", r, who())
    try:
        await failing(me)
    except ValueError as e:
        P(me, "  caught", repr(e), who())
    task.cancel("self")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        P(me, "  caught cancel", repr(str(e)), who(), "uncancel", task.uncancel())
    f = loop.create_future()
    f.add_done_callback(lambda f: P(me, "  done callback sees", who()))
    loop.call_soon(f.set_result, "fv")
    P(me, "  future ->", await f, who())
    t = asyncio.create_task(grandchild(me), name=me + "-gc")
    P(me, "  created", t.get_name(), "still", who())
    r = await t
    P(me, "  task ->", r, who())
    return me + ":leaf"


async def level(n, me):
    P(me, "L%d enter" % n, who())
    await asyncio.sleep(0)
    P(me, "L%d after sleep" % n, who())
    if n < 3:
        r = await level(n + 1, me)
    else:
        r = await leaf_ops(me)
    P(me, "L%d after inner" % n, who(), r)
    return "L%d(%s)" % (n, r)


async def main():
    P("main", who())
    a = asyncio.create_task(level(1, "A"), name="A")
    b = asyncio.create_task(level(1, "B"), name="B")
    ra = await a
    P("main got", ra, who())
    rb = await b
    P("main got", rb, who())
    P("main done", who(), sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
