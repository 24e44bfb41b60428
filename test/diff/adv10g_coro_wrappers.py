import asyncio
import functools
import re
import types

# Coroutine functions made from generator functions (types.coroutine; aionode's coroutine()
# over a function*) and from async functions, side by side: wrapping twice gives the same
# function; each call makes a new coroutine object and runs nothing (arguments are taken at the
# call); positional arguments, defaults and explicit None arrive as passed; a method sees its
# instance, also through a partial (a bound function); the task's repr shows the function's
# name before its first step, while it waits and when done, and get_coro() is the object
# passed; a body that raises before its first await fails its task at the first step, after
# the callbacks queued before it; the two kinds awaiting each other recursively, thirty levels
# deep, carry the value back up in one task; wrapping something that is not callable is a
# TypeError; iscoroutine() holds for the objects before and after they ran.

ran = []


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


@types.coroutine
def gen_fn(a, b=2):
    ran.append(("gen_fn", a, b))
    yield from asyncio.sleep(0)
    return [a, b]


async def async_fn(*args):
    ran.append(("async_fn", len(args)))
    await asyncio.sleep(0)
    return list(args)


@types.coroutine
def gen_raises(tag):
    print("   gen_raises body runs", tag)
    raise ValueError(tag)
    yield


async def async_raises(tag):
    print("   async_raises body runs", tag)
    raise ValueError(tag)


class Box:
    def __init__(self, v):
        self.v = v

    @types.coroutine
    def gget(self, k):
        yield from asyncio.sleep(0)
        return (self.v, k, asyncio.current_task().get_name())

    async def aget(self, k):
        await asyncio.sleep(0)
        return (self.v, k, asyncio.current_task().get_name())


@types.coroutine
def gen_rec(n):
    if n == 0:
        yield from asyncio.sleep(0)
        return (0, asyncio.current_task().get_name())
    r = yield from async_rec(n - 1)
    return (r[0] + n, r[1])


async def async_rec(n):
    if n == 0:
        await asyncio.sleep(0)
        return (0, asyncio.current_task().get_name())
    r = await gen_rec(n - 1)
    return (r[0] + n, r[1])


async def main():
    loop = asyncio.get_running_loop()
    print("== wrapping twice gives the same function")
    print("gen", types.coroutine(gen_fn) is gen_fn, "async", types.coroutine(async_fn) is async_fn)

    print("== calls make new objects and run nothing")
    c1, c2 = gen_fn(1), gen_fn(1)
    a1, a2 = async_fn(), async_fn()
    print("new objects", c1 is not c2, a1 is not a2, "ran", ran)
    print("iscoroutine", asyncio.iscoroutine(c1), asyncio.iscoroutine(a1))

    print("== arguments")
    print(await gen_fn(5), await gen_fn(5, None), await gen_fn("x", [1]))
    print(await async_fn(), await async_fn(None), await async_fn(1, None, 3), await async_fn(*"abc"))
    print("ran", ran)
    del ran[:]

    print("== methods and partials")
    b = Box("box")
    print(await b.gget(1), await b.aget(2))
    pg, pa = functools.partial(b.gget, 3), functools.partial(b.aget, 4)
    print(await pg(), await pa())
    print(await asyncio.create_task(pg(), name="PG"), await asyncio.create_task(pa(), name="PA"))

    print("== task reprs and get_coro()")
    for c in (c1, a1):
        t = asyncio.create_task(c)
        print(" ", clean(repr(t)), "get_coro is it", t.get_coro() is c)
        await asyncio.sleep(0)
        print(" ", clean(repr(t)))
        await t
        print(" ", clean(repr(t)), "get_coro is it", t.get_coro() is c)
        print("  iscoroutine after it ran", asyncio.iscoroutine(c))
    for c in (c2, a2):
        c.close()

    print("== a body that raises before its first await")
    for fn in (gen_raises, async_raises):
        loop.call_soon(print, "   callback queued before", fn.__name__)
        t = asyncio.create_task(fn(fn.__name__))
        print("  created, done", t.done())
        await asyncio.sleep(0)
        print("  after one iteration, done", t.done(), "exception", repr(t.exception()))
        try:
            await fn("awaited")
        except ValueError as e:
            print("  awaited directly: ValueError", repr(str(e)))

    print("== the two kinds awaiting each other, thirty deep")
    print(await gen_rec(30), await async_rec(30))
    print(await asyncio.create_task(gen_rec(31), name="R1"), await asyncio.create_task(async_rec(31), name="R2"))

    print("== wrapping what is not callable")
    for bad in (42, None, "gen_fn"):
        try:
            types.coroutine(bad)
            print("accepted?")
        except TypeError:
            print("TypeError for", repr(bad))
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
