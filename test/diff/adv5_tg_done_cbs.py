import asyncio

# Done callbacks of TaskGroup children relative to the group's exit: the group's own callback is
# added first, so a child's user callbacks run after it and before the parent resumes; a callback
# added after the child finished; a callback cancelling a sibling (counted as cancelled, not an
# error); a callback on a failing child reading its exception; the parent task's own done callback;
# call_soon callbacks queued by the body before it exits.

log = []

def say(*a):
    print(" ", *a)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, n, exc=None):
    try:
        await ticks(n)
    except asyncio.CancelledError:
        say(name, "cancelled")
        raise
    say(name, "returns")
    if exc is not None:
        raise exc
    return name

def cb(label):
    def f(t):
        if t.cancelled():
            state = "cancelled"
        elif t.exception() is not None:
            state = "exception " + repr(str(t.exception()))
        else:
            state = "result " + repr(t.result())
        say("cb", label, t.get_name(), state)
    return f

async def case1():
    print("-- user callbacks of the last child run before the parent resumes")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 1), name="a")
        a.add_done_callback(cb("first"))
        a.add_done_callback(cb("second"))
        b = tg.create_task(child("b", 2), name="b")
        b.add_done_callback(cb("b1"))
        asyncio.get_running_loop().call_soon(say, "call_soon from the body")
        say("body ends")
    say("group exited", a.done(), b.done())

async def case2():
    print("-- a callback added to a finished child during the exit wait")
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 1), name="a")
        b = tg.create_task(child("b", 3), name="b")
        await ticks(2)
        say("a done", a.done())
        a.add_done_callback(cb("late"))
        say("body ends")
    say("group exited")

async def case3():
    print("-- a child's callback cancels a sibling")
    async with asyncio.TaskGroup() as tg:
        b = tg.create_task(child("b", 5), name="b")
        a = tg.create_task(child("a", 1), name="a")
        a.add_done_callback(lambda t: say("cancel b", b.cancel()))
        b.add_done_callback(cb("b"))
    say("group exited", b.cancelled(), a.result())

async def case4():
    print("-- callbacks on a failing child and on a sibling cancelled by the group")
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            f = tg.create_task(child("f", 1, ValueError("bad")), name="f")
            f.add_done_callback(cb("f"))
            s = tg.create_task(child("s", 5), name="s")
            s.add_done_callback(cb("s"))
            try:
                await ticks(10)
            except asyncio.CancelledError:
                say("body cancelled", me.cancelling())
                raise
    except ExceptionGroup as eg:
        say("group", str(eg), [str(e) for e in eg.exceptions])
    say("cancelling", me.cancelling())

async def grouped():
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(child("c", 1), name="c")
        c.add_done_callback(cb("c"))
    say("grouped body done")
    return "G result"

async def case5():
    print("-- the parent task's done callback")
    t = asyncio.create_task(grouped(), name="G")
    t.add_done_callback(cb("parent"))
    r = await t
    say("awaited", r)

async def main():
    for c in (case1, case2, case3, case4, case5):
        await c()
        await ticks(2)
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
