# repr() of a task at the moment it is suspended in each composition function, taken by a
# callback the task schedules just before it awaits: sleep(0), sleep(0, value), sleep(-1, value)
# (a bare yield: no wait_for), sleep(0.01), gather of pending and of done children, a shield,
# wait, wait_for (with and without a timeout), an as_completed step; and right after it resumes.
import asyncio
import re


def show(label, obj):
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", repr(obj))
    print(" ", label, text)


async def probe(label, make):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    aw = make()
    loop.call_soon(show, label, me)
    r = await aw
    show(label + " after", me)
    return r


async def main():
    loop = asyncio.get_running_loop()

    async def run(label, make, after=None):
        t = asyncio.create_task(probe(label, make), name=label)
        if after is not None:
            loop.call_soon(after)
        res = await t
        print(label, "->", list(res) if isinstance(res, tuple) else res)

    await run("sleep0", lambda: asyncio.sleep(0))
    await run("sleep0v", lambda: asyncio.sleep(0, "v"))
    await run("sleepneg", lambda: asyncio.sleep(-1, "neg"))
    await run("sleep", lambda: asyncio.sleep(0.01, "later"))
    f = loop.create_future()
    await run("gather", lambda: asyncio.gather(f, asyncio.sleep(0, "s")), lambda: loop.call_soon(f.set_result, "f"))
    d = loop.create_future()
    d.set_result("d")
    await run("gather-done", lambda: asyncio.gather(d, d))
    await run("gather-empty", lambda: asyncio.gather())
    f = loop.create_future()
    await run("shield", lambda: asyncio.shield(f), lambda: f.set_result("sf"))
    await run("shield-done", lambda: asyncio.shield(d))
    f = loop.create_future()
    await run("wait", lambda: asyncio.wait([f]), lambda: f.set_result(1))
    await run("wait-done", lambda: asyncio.wait([d]))
    f = loop.create_future()
    await run("wait_for-none", lambda: asyncio.wait_for(f, None), lambda: f.set_result("wn"))
    f = loop.create_future()
    await run("wait_for", lambda: asyncio.wait_for(f, 10), lambda: f.set_result("wf"))
    await run("wait_for-done", lambda: asyncio.wait_for(d, 10))
    f = loop.create_future()
    await run("as_completed", lambda: next(iter(asyncio.as_completed([f]))), lambda: f.set_result("ac"))
    await run("as_completed-done", lambda: next(iter(asyncio.as_completed([d]))))


asyncio.run(main())
