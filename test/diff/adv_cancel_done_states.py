import asyncio

# cancel() on tasks and futures that are already done: the return value, cancelling() and
# uncancel() afterwards, and the side effect of cancel() on an unretrieved exception (it counts
# as retrieved: no "exception was never retrieved" report), compared with one left alone.

log = []


class Boom(Exception):
    pass


async def fail(msg):
    raise Boom(msg)


async def value(v):
    return v


async def swallow_then_fail():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise Boom("after cancel")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, ctx: log.append(ctx["message"] + ": " + str(ctx.get("exception"))))

    t_silenced = asyncio.create_task(fail("silenced"))
    t_reported = asyncio.create_task(fail("reported"))
    t_value = asyncio.create_task(value(1))
    await asyncio.sleep(0)
    print("states", t_silenced.done(), t_reported.done(), t_value.done())
    print("cancel failed task ->", t_silenced.cancel("late"), "cancelling", t_silenced.cancelling())
    print("cancel finished task ->", t_value.cancel(), "result", t_value.result())
    print("uncancel on done task ->", t_value.uncancel())

    f_silenced = loop.create_future()
    f_silenced.set_exception(Boom("fut silenced"))
    print("cancel failed future ->", f_silenced.cancel())
    f_reported = loop.create_future()
    f_reported.set_exception(Boom("fut reported"))

    print("-- a task cancelled, then failing in its except block")
    t = asyncio.create_task(swallow_then_fail())
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("m"), t.cancel("m2"), "cancelling", t.cancelling())
    try:
        await t
    except Boom as e:
        print("raised Boom", str(e), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    print("cancel afterwards ->", t.cancel())

    print("-- a task cancelled before start, then cancel() again after it is done")
    t = asyncio.create_task(value(2))
    t.cancel("x")
    await asyncio.sleep(0)
    print("done", t.done(), "cancelled", t.cancelled(), "cancel again ->", t.cancel("y"), "cancelling", t.cancelling())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result raised", repr(str(e)))
    print("uncancel ->", t.uncancel(), t.uncancel())

    print("-- a cancelled future: cancel() again keeps the first message")
    f = loop.create_future()
    print(f.cancel("first"), f.cancel("second"))
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("future result raised", repr(str(e)))
    try:
        await f
    except asyncio.CancelledError as e:
        print("await future raised", repr(str(e)))

    del t_silenced, t_reported, t_value, f_silenced, f_reported


asyncio.run(main())
print("log after run", sorted(log))
