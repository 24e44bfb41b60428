import asyncio
import re

# The done callbacks that asyncio's own machinery puts on futures, as reprs show them while the
# futures are pending: run_until_complete, a task's wake-up, gather, shield (inner and outer),
# wait, as_completed, wait_for, TaskGroup; and what is left once each is done.


def r(x):
    # asyncio appends the callbacks' source location (" at file.py:12"): drop it
    return re.sub(r" at \S+:\d+", "", repr(x))


loop = asyncio.new_event_loop()
f0 = loop.create_future()
loop.call_soon(lambda: print("during run_until_complete:", r(f0)))
loop.call_soon(f0.set_result, 0)
loop.run_until_complete(f0)
print("after:", r(f0))


async def waiter(fut):
    return await fut


async def main():
    lp = asyncio.get_running_loop()
    a = lp.create_future()
    t = asyncio.create_task(waiter(a), name="w")
    await asyncio.sleep(0)
    print("awaited by a task:", r(a))

    b = lp.create_future()
    c = lp.create_future()
    gf = asyncio.gather(b, c)
    print("in gather:", r(b))
    print("gather future:", r(gf))

    d = lp.create_future()
    outer = asyncio.shield(d)
    print("shielded inner:", r(d))
    print("shield outer:", r(outer))

    e = lp.create_future()
    wt = asyncio.create_task(asyncio.wait([e], timeout=5), name="wait")
    await asyncio.sleep(0)
    print("in wait:", r(e))

    g = lp.create_future()
    it = asyncio.as_completed([g])
    print("in as_completed before iterating:", r(g))
    nxt = asyncio.ensure_future(next(it))
    await asyncio.sleep(0)
    print("in as_completed:", r(g))

    h = lp.create_future()
    wf = asyncio.create_task(asyncio.wait_for(h, 5), name="wf")
    await asyncio.sleep(0)
    print("in wait_for:", r(h))

    async with asyncio.TaskGroup() as tg:
        k = lp.create_future()
        tk = tg.create_task(waiter(k), name="tgk")
        print("TaskGroup task:", r(tk).split(" coro=")[0], r(tk).split(" cb=")[-1] if " cb=" in r(tk) else "")
        await asyncio.sleep(0)
        print("its future:", r(k))
        k.set_result("k")

    for x in (a, b, c, d, e, g, h):
        x.set_result(1)
    print("done:", r(a), r(b), r(d), r(outer))
    print("results", await t, await gf, await outer, len((await wt)[0]), await nxt, await wf, tk.result())


loop.run_until_complete(main())
loop.close()
