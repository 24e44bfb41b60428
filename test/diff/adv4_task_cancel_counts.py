import asyncio
import re

# cancel() return values, cancelling()/uncancel() arithmetic and which message wins when a
# task is cancelled several times: before its first step, while it waits on a future, while
# it runs (self-cancel), and while it waits on a task that swallows the cancellation. 3.11's
# uncancel() down to 0 does not withdraw a pending request (the repr goes back to 'pending').
# Each task's coroutine awaits an inner coroutine that does the work (a mixed twin makes
# the inner one an async body inside a generator task).


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def body(label, fut):
    return await body_inner(label, fut)


async def body_inner(label, fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        t = asyncio.current_task()
        print(label, "caught", repr(str(e)), "cancelling", t.cancelling())
        print(label, "uncancel ->", t.uncancel(), "uncancel ->", t.uncancel())
        try:
            await asyncio.sleep(0)
            print(label, "slept on after uncancel")
        except asyncio.CancelledError as e2:
            print(label, "cancelled again", repr(str(e2)))
            raise
        return "survived"
    return "not cancelled"


async def never(label):
    print(label, "body ran")


async def selfish(label):
    return await selfish_inner(label)


async def selfish_inner(label):
    t = asyncio.current_task()
    print(label, "self cancel ->", t.cancel("self"), "cancelling", t.cancelling())
    show(label + " running repr", t)
    if label == "E2":
        print(label, "second self cancel ->", t.cancel("again"), "cancelling", t.cancelling())
    if label == "E3":
        print(label, "self cancel without msg ->", t.cancel(), "cancelling", t.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(label, "caught", repr(str(e)), "cancelling", t.cancelling())
        raise


async def swallow(fut):
    return await swallow_inner(fut)


async def swallow_inner(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("inner swallowed", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(0)
    return "inner result"


async def outer_of(t):
    r = await t
    print("outer got", repr(r), "cancelling", asyncio.current_task().cancelling())
    return r


def outcome(label, t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling())
    else:
        print(label, "result", repr(t.result()), "cancelling", t.cancelling())


async def main():
    loop = asyncio.get_running_loop()

    print("-- A: two messages before the first step, then uncancel to 0")
    a = asyncio.create_task(never("A"), name="A")
    print("cancel A ->", a.cancel("A1"), a.cancel("A2"), "cancelling", a.cancelling())
    show("A", a)
    print("uncancel", a.uncancel(), a.uncancel(), a.uncancel())
    show("A after uncancel", a)
    await asyncio.sleep(0)
    outcome("A", a)
    print("cancel done A ->", a.cancel("late"), "cancelling", a.cancelling(), "uncancel", a.uncancel())

    print("-- B: message then no message before the first step")
    b = asyncio.create_task(never("B"), name="B")
    print("cancel B ->", b.cancel("B1"), b.cancel())
    await asyncio.sleep(0)
    outcome("B", b)
    b2 = asyncio.create_task(never("B2"), name="B2")
    print("cancel B2 ->", b2.cancel(), b2.cancel("B2 msg"))
    await asyncio.sleep(0)
    outcome("B2", b2)

    print("-- C: waiting on a future, cancelled twice; the body catches and uncancels")
    for label, msgs in (("C1", ("first", "second")), ("C2", (None, "second")), ("C3", ("first", None)), ("C4", ("only",))):
        f = loop.create_future()
        c = asyncio.create_task(body(label, f), name=label)
        await asyncio.sleep(0)
        print("cancel", label, "->", [c.cancel(m) for m in msgs], "cancelling", c.cancelling())
        show(label, c)
        print(label, "future", f.cancelled())
        for _ in range(3):
            await asyncio.sleep(0)
        outcome(label, c)

    print("-- E: self-cancel while running")
    for label in ("E1", "E2", "E3"):
        e = asyncio.create_task(selfish(label), name=label)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        outcome(label, e)

    print("-- F: cancelling a task that waits on a task that swallows")
    f = loop.create_future()
    inner = asyncio.create_task(swallow(f), name="inner")
    outer = asyncio.create_task(outer_of(inner), name="outer")
    await asyncio.sleep(0)
    print("cancel outer ->", outer.cancel("o1"), outer.cancel("o2"))
    print("cancelling outer", outer.cancelling(), "inner", inner.cancelling())
    show("outer", outer)
    for _ in range(4):
        await asyncio.sleep(0)
    outcome("inner", inner)
    outcome("outer", outer)


asyncio.run(main())
