import asyncio

it = [0]


async def clock(stop):
    while not stop.done():
        it[0] += 1
        await asyncio.sleep(0)


async def inner(tag):
    print("inner", tag, "runs at", it[0])
    await asyncio.sleep(0)
    return "inner " + tag


async def make_future():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.set_result, "late")
    return f


async def make_coro(tag):
    return inner(tag)


async def make_task(tag):
    return asyncio.create_task(inner(tag))


async def make_sleep():
    return asyncio.sleep(0, "slept")


async def bad(msg):
    print("bad", msg, "runs at", it[0])
    raise ValueError(msg)


async def main():
    stop = asyncio.get_running_loop().create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== coroutines that return awaitables")
    f = await make_future()
    print("future?", asyncio.isfuture(f), "done", f.done(), "at", it[0])
    print("await it ->", await f, "at", it[0])
    c = await make_coro("c")
    print("coroutine?", asyncio.iscoroutine(c), "at", it[0])
    print("await it ->", await c, "at", it[0])
    t = await make_task("t")
    print("task?", isinstance(t, asyncio.Task), "done", t.done(), "at", it[0])
    print("await it ->", await t, "at", it[0])
    s = await make_sleep()
    print("coroutine?", asyncio.iscoroutine(s))
    print("await it ->", await s, "at", it[0])
    c = await make_coro("twice")
    print("await (await ...) ->", await c)

    print("== a task whose coroutine returns a future")
    t2 = asyncio.create_task(make_future())
    r = await t2
    print("result is a future", asyncio.isfuture(r), "not the task", r is not t2, "done", r.done())
    print("await it ->", await r)
    g = await asyncio.gather(make_coro("g1"), make_coro("g2"))
    print("gather gave coroutines", [asyncio.iscoroutine(x) for x in g])
    print("gather them ->", await asyncio.gather(*g))

    print("== exceptions before the first await")
    t = asyncio.create_task(bad("task"))
    print("created, done", t.done())
    await asyncio.sleep(0)
    print("after one iteration done", t.done(), "exception", repr(t.exception()))
    try:
        await bad("direct")
    except ValueError as e:
        print("direct ->", repr(str(e)), "at", it[0])
    ok = asyncio.create_task(inner("beside"))
    try:
        await asyncio.gather(bad("g-first"), ok, bad("g-second"))
    except ValueError as e:
        print("gather ->", repr(str(e)), "at", it[0], "ok done", ok.done())
    print("ok ->", await ok)
    r = await asyncio.gather(bad("r1"), inner("r"), bad("r2"), return_exceptions=True)
    print("gather(return_exceptions) ->", r)
    try:
        await asyncio.wait_for(bad("wait_for"), 1)
    except ValueError as e:
        print("wait_for ->", repr(str(e)))
    try:
        await asyncio.shield(bad("shield"))
    except ValueError as e:
        print("shield ->", repr(str(e)))
    done, pending = await asyncio.wait([asyncio.create_task(bad("wait"))])
    print("wait ->", len(done), len(pending), [repr(x.exception()) for x in done])
    fut = asyncio.ensure_future(bad("ensure_future"))
    print("ensure_future gives a task", isinstance(fut, asyncio.Task), fut.done())
    try:
        await fut
    except ValueError as e:
        print("ensure_future ->", repr(str(e)))

    stop.set_result(None)
    await ck


asyncio.run(main())
