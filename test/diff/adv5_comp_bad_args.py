# Wrong arguments to the composition functions: the error each raises (type and message, the
# message up to its ", got ..." part, which aionode extends with the value's type), the side
# effects asyncio has before it raises (gather's earlier coroutines already run as tasks), futures
# of another loop, and that the loop keeps working after each.
import asyncio


def msg(e):
    return str(e).split(", got")[0]


async def c(name, fail=False):
    print("run", name)
    if fail:
        raise KeyError(name)
    return name


def handler(loop, ctx):
    print("handler:", ctx["message"], repr(ctx.get("exception")))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    other = asyncio.new_event_loop()

    print("-- gather with a bad argument after a coroutine: the coroutine still runs")
    for bad in [42, None, "str", 1.5, True]:
        try:
            asyncio.gather(c("before-" + repr(bad)), bad)
        except TypeError as e:
            print("gather TypeError", repr(msg(e)))
        await asyncio.sleep(0)
    print("tasks left", len(asyncio.all_tasks()))

    print("-- gather with a bad argument first: nothing runs")
    co = c("never")
    try:
        asyncio.gather(42, co)
    except TypeError as e:
        print("gather TypeError", repr(msg(e)))
    co.close()
    await asyncio.sleep(0)

    print("-- gather(fut, bad): fut keeps gather's callback, which retrieves its exception")
    f = loop.create_future()
    try:
        asyncio.gather(f, object)
    except TypeError as e:
        print("gather TypeError", repr(msg(e)))
    f.set_exception(KeyError("kept"))
    await asyncio.sleep(0)
    del f
    print("no report above")

    print("-- gather(task, bad): the task keeps running, its failure counts as retrieved")
    t = asyncio.create_task(c("t-fails", True))
    try:
        asyncio.gather(t, 7)
    except TypeError as e:
        print("gather TypeError", repr(msg(e)))
    await asyncio.sleep(0)
    print("t", t.done(), repr(t.exception()))
    del t

    print("-- shield / ensure_future / wait_for / create_task with non-awaitables")
    for label, fn in [
        ("shield(42)", lambda: asyncio.shield(42)),
        ("shield(None)", lambda: asyncio.shield(None)),
        ("ensure_future('x')", lambda: asyncio.ensure_future("x")),
        ("ensure_future(3.5)", lambda: asyncio.ensure_future(3.5)),
        ("create_task(42)", lambda: asyncio.create_task(42)),
        ("create_task(None)", lambda: asyncio.create_task(None)),
        ("create_task('s')", lambda: asyncio.create_task("s")),
    ]:
        try:
            fn()
            print(label, "accepted?")
        except TypeError as e:
            print(label, "TypeError", repr(msg(e)))
    for label, fn in [("wait_for(42, 1)", lambda: asyncio.wait_for(42, 1)),
                      ("wait_for(None, 5)", lambda: asyncio.wait_for(None, 5)),
                      ("wait_for('s', 0)", lambda: asyncio.wait_for("s", 0))]:
        try:
            await fn()
            print(label, "accepted?")
        except TypeError as e:
            print(label, "TypeError", repr(msg(e)))
    for label, arg in [("as_completed([42])", [42]), ("as_completed([None])", [None])]:
        try:
            for x in asyncio.as_completed(arg):
                print("got", x)
        except TypeError as e:
            print(label, "TypeError", repr(msg(e)))

    print("-- wait with wrong containers and members: TypeError")
    co = c("w")
    for label, fn in [("wait(42)", lambda: asyncio.wait(42)),
                      ("wait(fut)", lambda: asyncio.wait(loop.create_future())),
                      ("wait(coro)", lambda: asyncio.wait(co)),
                      ("wait([coro])", lambda: asyncio.wait([co]))]:
        try:
            await fn()
            print(label, "accepted?")
        except TypeError as e:
            print(label, "TypeError")
    co.close()
    for label, arg in [("as_completed(fut)", loop.create_future()), ("as_completed(42)", 42)]:
        try:
            for x in asyncio.as_completed(arg):
                print("got", x)
        except TypeError as e:
            print(label, "TypeError")

    print("-- futures of another loop")
    of = other.create_future()
    try:
        asyncio.gather(c("g-before-other"), of)
    except Exception as e:
        print("gather(coro, other)", repr(str(e)))
    await asyncio.sleep(0)
    g = asyncio.gather(of, of)
    print("gather(other, other)", g, g.get_loop() is other, g.get_loop() is loop)
    s = asyncio.shield(of)
    print("shield(other)", s.get_loop() is other, s.done())
    try:
        asyncio.ensure_future(of, loop=loop)
    except Exception as e:
        print("ensure_future(other, loop)", repr(str(e)))
    print("ensure_future(other) is other", asyncio.ensure_future(of) is of)
    for label, fn in [("wait_for(other, 1)", lambda: asyncio.wait_for(of, 1)),
                      ("wait_for(other, 0)", lambda: asyncio.wait_for(of, 0))]:
        try:
            await fn()
        except Exception as e:
            print(label, repr(str(e)))
    try:
        await asyncio.wait_for(of, None)
    except RuntimeError as e:
        print("wait_for(other, None) RuntimeError", "attached to a different loop" in str(e))
    try:
        for x in asyncio.as_completed([of]):
            await x
    except Exception as e:
        print("as_completed([other])", repr(str(e)))
    print("of", of.done(), "g", g.done())

    print("-- the loop still works")
    t1 = asyncio.create_task(c("a"))
    res = await asyncio.gather(t1, c("b"), asyncio.sleep(0, "s"), return_exceptions=True)
    print("res", res)
    done, pending = await asyncio.wait([t1], timeout=0)
    print("wait", len(done), len(pending))
    print("wait_for", await asyncio.wait_for(c("wf"), 1))
    print("shield", await asyncio.shield(c("sh")))
    print("tasks left", len(asyncio.all_tasks()))
    other.close()


asyncio.run(main())
