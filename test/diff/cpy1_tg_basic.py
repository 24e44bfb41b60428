# CPython test_taskgroups.py scenarios: test_taskgroup_01, test_taskgroup_02, test_taskgroup_03,
# test_taskgroup_22, test_taskgroup_24, test_taskgroup_task_name.
# Children that finish in their own time, a child created while the body sleeps, a child cancelled
# by hand (the group goes on), the group's task cancelled from outside, children creating more
# children in their group, and a child's name.
import asyncio

async def t01():
    print("== test_taskgroup_01")
    loop = asyncio.get_running_loop()
    async def foo(name, d, v):
        await asyncio.sleep(d)
        print("  ", name, "done")
        return v
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo("foo1", 0.1, 42))
        t2 = g.create_task(foo("foo2", 0.2, 11))
        print("  body ends; t1 done", t1.done(), "t2 done", t2.done())
    print("  group exited")
    print("  results", t1.result(), t2.result())

async def t02():
    print("== test_taskgroup_02")
    loop = asyncio.get_running_loop()
    async def foo(name, d, v):
        await asyncio.sleep(d)
        print("  ", name, "done")
        return v
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo("foo1", 0.1, 42))
        await asyncio.sleep(0.2)
        print("  body woke", "t1 done", t1.done(), repr(g))
        t2 = g.create_task(foo("foo2", 0.1, 11))
        print("  after create", repr(g))
    print("  group exited", repr(g))
    print("  results", t1.result(), t2.result())

async def t03():
    print("== test_taskgroup_03")
    loop = asyncio.get_running_loop()
    async def foo(name, d, v):
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError as e:
            print("  ", name, "cancelled", repr(str(e)))
            raise
        print("  ", name, "done")
        return v
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo("foo1", 1, 42))
        await asyncio.sleep(0.1)
        print("  cancel t1 ->", t1.cancel())
        t2 = g.create_task(foo("foo2", 0.1, 11))
    print("  group exited")
    print("  t1 cancelled", t1.cancelled(), "t2 result", t2.result())
    print("  cancelling", asyncio.current_task().cancelling())

async def t22():
    print("== test_taskgroup_22")
    # (the children are counted, not named: asyncio cancels them in the order of a set, by address)
    ncancelled = 0
    async def foo(name, d):
        nonlocal ncancelled
        try:
            await asyncio.sleep(d)
        except asyncio.CancelledError:
            ncancelled += 1
            raise
    async def runner():
        try:
            async with asyncio.TaskGroup() as g:
                g.create_task(foo("foo1", 1))
                g.create_task(foo("foo2", 2))
        except BaseException as e:
            print("  runner sees", type(e).__name__)
            raise
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print("  cancel ->", r.cancel())
    try:
        await r
    except asyncio.CancelledError:
        print("  await r: CancelledError; cancelled", r.cancelled(), "children cancelled", ncancelled)

async def t24():
    print("== test_taskgroup_24")
    loop = asyncio.get_running_loop()
    async def coro1(name, delay):
        await asyncio.sleep(delay)
        print("  ", name, "done")
    async def root(g):
        await asyncio.sleep(0.1)
        print("  root adds two children to", repr(g))
        g.create_task(coro1("c1", 0.1))
        g.create_task(coro1("c2", 0.2))
        print("  root ends", repr(g))
    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(root(g))
            print("  body ends", repr(g))
        print("  runner done", repr(g))
    await runner()

async def task_name():
    print("== test_taskgroup_task_name")
    async def coro():
        await asyncio.sleep(0)
    async with asyncio.TaskGroup() as g:
        t = g.create_task(coro(), name="yolo")
        print("  name", repr(t.get_name()))
    print("  done", t.done(), "result", t.result())

async def main():
    for f in (t01, t02, t03, t22, t24, task_name):
        await asyncio.create_task(f())

asyncio.run(main())
