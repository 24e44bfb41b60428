import asyncio
import re
import types

# Results and waits that lead back to the object itself, through a chain of coroutines: a task
# whose coroutine returns the task (current_task() three levels down: the result is the task,
# and its repr shows `result=...` where it would contain itself), a future set to itself, to a
# list holding it, two futures set to each other, a task returning a list holding itself and a
# future, and two tasks awaiting each other (each repr shows the other's, with `...` where it
# comes back; left pending: a cancel() would go round the cycle forever). A task waiting on a
# task that waits on a future shows the chain. The loop is run by hand and closed with the cycle
# still pending.

loop = None


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


@types.coroutine
def bottom():
    yield from asyncio.sleep(0)
    return asyncio.current_task()


async def middle():
    r = await bottom()
    await asyncio.sleep(0)
    return r


@types.coroutine
def top():
    r = yield from middle()
    return r


async def listing():
    me = asyncio.current_task()
    f = loop.create_future()
    f.set_result([me])
    await asyncio.sleep(0)
    return [me, f, 1]


box = {}


async def a():
    await asyncio.sleep(0)
    return await box["b"]


@types.coroutine
def b():
    yield from asyncio.sleep(0)
    r = yield from box["a"]
    return r


async def waiter_chain(f):
    return await asyncio.create_task(waits(f), name="inner")


async def waits(f):
    return await f


async def main():
    print("== a task returning itself, three levels down")
    t = asyncio.create_task(top(), name="self")
    r = await t
    print("result is the task:", r is t, t.result() is t)
    print(clean(repr(t)))

    print("== futures holding themselves")
    f = loop.create_future()
    f.set_result(f)
    print(repr(f))
    g = loop.create_future()
    g.set_result([g, 1, [g]])
    print(repr(g))
    h1, h2 = loop.create_future(), loop.create_future()
    h1.set_result(h2)
    h2.set_result(h1)
    print(repr(h1))
    print(repr(h2))
    p = loop.create_future()
    p.set_result("abc")
    q = loop.create_future()
    q.set_result(p)
    print(repr(q))

    print("== a task returning a list that holds it")
    t = asyncio.create_task(listing(), name="lister")
    r = await t
    print("r[0] is the task:", r[0] is t, "r[1] holds it:", r[1].result()[0] is t)
    print(clean(repr(t)))
    print(repr(r[1]))

    print("== a chain of waits")
    f = loop.create_future()
    t = asyncio.create_task(waiter_chain(f), name="outer")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(clean(repr(t)))
    f.set_result(t)
    r = await t
    print("outer got itself:", r is t)
    print(clean(repr(t)))

    print("== two tasks awaiting each other")
    box["a"] = asyncio.create_task(a(), name="A")
    box["b"] = asyncio.create_task(b(), name="B")
    for _ in range(3):
        await asyncio.sleep(0)
    print(clean(repr(box["a"])))
    print(clean(repr(box["b"])))
    print("both pending:", not box["a"].done(), not box["b"].done())
    return "main done"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(main()))
loop.close()
print("closed with the cycle pending")
