import asyncio

# Which CancelledError object comes out where. A task cancelled with a message: the object its
# coroutine caught (and re-raised) is what the first result()/exception()/await of the task
# raises; later calls make a fresh CancelledError without the message (3.11's
# _make_cancelled_error consumes the saved one). A coroutine that raises CancelledError('own')
# or a subclass without being cancelled, one that catches the request and raises a different
# CancelledError, a plain future cancelled with a message (a fresh error, with the message, on
# every call), a gather over a cancelled task, and wait_for's TimeoutError cause.

caught = {}


class MyCancel(asyncio.CancelledError):
    pass


def grab(fn):
    try:
        fn()
        return None
    except asyncio.CancelledError as e:
        return e


def desc(e):
    if e is None:
        return "None"
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def victim(key, fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        caught[key] = e
        print(" ", key, "caught", desc(e))
        raise


async def self_raiser(key, cls, msg):
    await asyncio.sleep(0)
    e = cls(msg)
    caught[key] = e
    raise e


async def replacer(key, fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print(" ", key, "caught", desc(e))
        e2 = asyncio.CancelledError("replaced")
        caught[key] = e2
        raise e2


async def awaiter(key, t):
    try:
        await t
    except asyncio.CancelledError as e:
        print(" ", key, "awaiter got", desc(e), "same as caught", e is caught.get(key.split("-")[0]))
        return e


async def main():
    loop = asyncio.get_running_loop()

    print("-- cancelled with a message, result() three times")
    f = loop.create_future()
    t = asyncio.create_task(victim("A", f))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("msg A"), "f cancelled", f.cancelled())
    await asyncio.sleep(0)
    print("done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    e1 = grab(t.result)
    e2 = grab(t.result)
    e3 = grab(t.exception)
    print("first", desc(e1), "is caught", e1 is caught["A"])
    print("second", desc(e2), "is first", e2 is e1)
    print("exception()", desc(e3), "is second", e3 is e2)
    print("f result", desc(grab(f.result)), "again", desc(grab(f.result)), "same", grab(f.result) is grab(f.result))

    print("-- an awaiter takes the saved error first")
    f = loop.create_future()
    t = asyncio.create_task(victim("B", f))
    w = asyncio.create_task(awaiter("B-w", t))
    await asyncio.sleep(0)
    t.cancel("msg B")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("w done", w.done(), "w result", desc(w.result()))
    print("t.result now", desc(grab(t.result)))

    print("-- the coroutine raises its own CancelledError")
    for key, cls, msg in (("C", asyncio.CancelledError, "own"), ("D", MyCancel, "sub"), ("E", asyncio.CancelledError, "")):
        t = asyncio.create_task(self_raiser(key, cls, msg))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(key, "cancelled", t.cancelled(), "cancelling", t.cancelling(), "cancel() now", t.cancel("late"))
        a = grab(t.result)
        b = grab(t.result)
        print(key, "first", desc(a), "is raised", a is caught[key], "second", desc(b))

    print("-- catch the request, raise another CancelledError")
    f = loop.create_future()
    t = asyncio.create_task(replacer("F", f))
    await asyncio.sleep(0)
    t.cancel("msg F")
    await asyncio.sleep(0)
    a = grab(t.result)
    print("F first", desc(a), "is replaced", a is caught["F"], "cancelling", t.cancelling())

    print("-- gather over a cancelled task")
    f = loop.create_future()
    t = asyncio.create_task(victim("G", f))
    g = asyncio.gather(t)
    await asyncio.sleep(0)
    t.cancel("msg G")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("g done", g.done(), "cancelled", g.cancelled())
    ge = grab(g.result)
    print("g result", desc(ge), "is caught", ge is caught["G"])
    print("t result", desc(grab(t.result)))

    f = loop.create_future()
    t = asyncio.create_task(victim("H", f))
    g = asyncio.gather(t, return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel("msg H")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    r = g.result()
    print("H gather(return_exceptions) ->", [desc(x) for x in r], "is caught", r[0] is caught["H"])

    print("-- wait_for timeout cause")
    f = loop.create_future()
    t = asyncio.create_task(victim("I", f))
    try:
        await asyncio.wait_for(t, 0.01)
    except asyncio.TimeoutError as e:
        c = e.__cause__
        print("TimeoutError cause", desc(c), "is caught", c is caught["I"], "t cancelled", t.cancelled())
        print("t result after", desc(grab(t.result)))

    print("-- gather(...).cancel(msg) of done children")
    f1 = loop.create_future()
    f2 = loop.create_future()
    g = asyncio.gather(f1, f2)
    print("cancel ->", g.cancel("msg J"))
    await asyncio.sleep(0)
    print("f1", desc(grab(f1.result)), "f2", desc(grab(f2.result)))
    ge = grab(g.result)
    print("g", desc(ge), "again", desc(grab(g.result)))
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
