import asyncio
import re

# repr() of a task while it waits on each kind of awaitable: a sleep, a plain future, a task
# (itself waiting on a task), a gather, a held lock, an event, a queue, a shield, wait_for
# with a timeout, wait(), and then the same tasks right after cancel() (state 'cancelling',
# the waiter already cancelled) and after they ended. Source locations are stripped.


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def catch_cancel(aw):
    try:
        return await aw
    except asyncio.CancelledError:
        return "caught"


async def waits(aw):
    # The repr shows the task's coroutine (waits) and the innermost future it waits for.
    return await catch_cancel(aw)


async def leaf(fut):
    return await fut


async def mid(t):
    return await t


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    lock = asyncio.Lock()
    await lock.acquire()
    ev = asyncio.Event()
    q = asyncio.Queue()
    f_leaf = loop.create_future()
    t_leaf = asyncio.create_task(leaf(f_leaf), name="leaf")
    t_mid = asyncio.create_task(mid(t_leaf), name="mid")
    g1 = loop.create_future()
    g2 = loop.create_future()
    sh = loop.create_future()
    wf = loop.create_future()
    wt = loop.create_future()
    tasks = {
        "sleep": asyncio.create_task(waits(asyncio.sleep(100)), name="sleep"),
        "future": asyncio.create_task(waits(fut), name="future"),
        "task": asyncio.create_task(waits(t_mid), name="task"),
        "gather": asyncio.create_task(waits(asyncio.gather(g1, g2)), name="gather"),
        "lock": asyncio.create_task(waits(lock.acquire()), name="lock"),
        "event": asyncio.create_task(waits(ev.wait()), name="event"),
        "queue": asyncio.create_task(waits(q.get()), name="queue"),
        "shield": asyncio.create_task(waits(asyncio.shield(sh)), name="shield"),
        "wait_for": asyncio.create_task(waits(asyncio.wait_for(wf, 100)), name="wait_for"),
        "wait": asyncio.create_task(waits(asyncio.wait([wt])), name="wait"),
    }
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    show("leaf", t_leaf)
    show("mid", t_mid)
    for k, t in tasks.items():
        show("waiting " + k, t)
    show("gather child", g1)
    show("shield inner", sh)
    show("wait_for inner", wf)
    show("wait inner", wt)
    for k, t in tasks.items():
        print("cancel", k, t.cancel("m-" + k))
        show("cancelling " + k, t)
    show("mid after task cancelled", t_mid)
    show("leaf after task cancelled", t_leaf)
    for _ in range(4):
        await asyncio.sleep(0)
    for k, t in tasks.items():
        show("ended " + k, t)
    show("leaf ended", t_leaf)
    show("mid ended", t_mid)
    show("gather child ended", g1)
    show("shield inner ended", sh)
    show("wait_for inner ended", wf)
    show("wait inner ended", wt)
    wt.cancel()
    sh.cancel()
    lock.release()


asyncio.run(main())
