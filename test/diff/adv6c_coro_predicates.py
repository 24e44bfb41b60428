import asyncio
import functools

# iscoroutine() / iscoroutinefunction() over the kinds of object a program holds (coroutine
# functions and their objects, before, during and after they ran, methods, partials (bound
# functions in JavaScript), tasks, futures, plain functions and values), and what the
# composition functions do with a coroutine object: ensure_future, gather, shield and
# as_completed wrap it in a task; wait() rejects it with a TypeError and leaves it unused (it
# can still be awaited afterwards); wait_for(coro, 0) times out before the body ever runs, and
# the coroutine is then used up.

ran = []


async def work(tag):
    ran.append(tag)
    await asyncio.sleep(0)
    return "w-" + tag


class Holder:
    async def method(self, x):
        return x * 2

    def plain(self):
        return 1


def plain():
    return 1


def report(name, x):
    print("%-24s iscoroutine %-5s iscoroutinefunction %s"
          % (name, asyncio.iscoroutine(x), asyncio.iscoroutinefunction(x)))


async def main():
    loop = asyncio.get_running_loop()
    h = Holder()
    fresh = work("fresh")
    report("coroutine function", work)
    report("coroutine object", fresh)
    report("method", h.method)
    report("method's coroutine", h.method(1))
    report("partial", functools.partial(work, "p"))
    report("partial of a partial", functools.partial(functools.partial(h.method), 2))
    report("partial's coroutine", functools.partial(work, "p")())
    report("plain function", plain)
    report("plain method", h.plain)
    report("lambda", lambda: 1)
    report("None", None)
    report("int", 42)
    report("str", "work")
    fut = loop.create_future()
    report("future", fut)
    t = asyncio.create_task(work("t"))
    report("task", t)
    report("task.get_coro()", t.get_coro())
    await t
    report("finished task's coro", t.get_coro())
    report("awaited coroutine", fresh)
    print("fresh result", await fresh, "ran", ran)
    report("finished coroutine", fresh)
    del ran[:]

    print("== wait() rejects a coroutine object and leaves it unused")
    c = work("waited")
    for arg in ([c], {c}):
        try:
            await asyncio.wait(arg)
        except TypeError:
            print("wait TypeError, ran", ran)
    t = asyncio.create_task(work("other"))
    try:
        await asyncio.wait([t, c])
    except TypeError:
        print("wait with a task and a coroutine: TypeError, ran", ran)
    print("the coroutine awaited afterwards ->", await c, "ran", ran)
    await t
    del ran[:]

    print("== ensure_future / gather / shield / as_completed wrap it in a task")
    f = asyncio.ensure_future(work("ef"))
    print("ensure_future gives a task", isinstance(f, asyncio.Task), "ran", ran)
    print("ensure_future ->", await f)
    g = asyncio.gather(work("g1"), work("g2"))
    print("gather future is a task", isinstance(g, asyncio.Task), "ran", ran)
    print("gather ->", await g, "ran", ran)
    s = asyncio.shield(work("sh"))
    print("shield gives a future, done", s.done())
    print("shield ->", await s)
    out = []
    for nxt in asyncio.as_completed([work("a1"), work("a2")]):
        out.append(await nxt)
    print("as_completed ->", sorted(out), "ran", sorted(ran))
    del ran[:]

    print("== wait_for(coro, 0) and wait_for(coro, -1): timeout before the body runs")
    for timeout in (0, -1):
        c = work("wf%s" % timeout)
        try:
            await asyncio.wait_for(c, timeout)
            print("no timeout?")
        except asyncio.TimeoutError:
            print("wait_for", timeout, "TimeoutError, ran", ran)
        try:
            await c
        except RuntimeError as e:
            print("awaiting it afterwards ->", repr(str(e)))

    print("== wait_for(coro, None) and a long timeout run it")
    print(await asyncio.wait_for(work("none"), None), await asyncio.wait_for(work("long"), 100), "ran", ran)

    print("== ensure_future of a non-awaitable")
    for bad in (42, None, "x", plain):
        try:
            asyncio.ensure_future(bad)
        except TypeError:
            print("ensure_future TypeError for", type(bad).__name__)
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
