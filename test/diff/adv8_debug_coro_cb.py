# Debug mode: a coroutine function as a future's done callback. asyncio checks each callback as
# call_soon does when the future completes, so the call that completes it raises TypeError; the
# future stays done, earlier callbacks run, later ones are dropped. Also: adding one to a done
# future raises at once; a task whose done callback is a coroutine function.
import asyncio


async def coro(f):
    pass


def handler(loop, ctx):
    exc = ctx.get("exception")
    print("handler:", ctx["message"].split(" ")[0], type(exc).__name__, exc)


async def finisher():
    await asyncio.sleep(0)
    return 5


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    f = loop.create_future()
    f.add_done_callback(coro)
    try:
        f.set_result(1)
    except TypeError as e:
        print("set_result raised", type(e).__name__, e)
    print("done?", f.done(), f.result())

    g = loop.create_future()
    g.add_done_callback(lambda f: print("first cb ran", f.result()))
    g.add_done_callback(coro)
    g.add_done_callback(lambda f: print("third cb ran"))
    try:
        g.set_result(2)
    except TypeError as e:
        print("set_result raised", type(e).__name__, e)
    await asyncio.sleep(0)
    print("after a step")

    c = loop.create_future()
    c.add_done_callback(coro)
    try:
        c.cancel()
    except TypeError as e:
        print("cancel raised", type(e).__name__, e)
    print("cancelled?", c.cancelled())

    x = loop.create_future()
    x.add_done_callback(coro)
    try:
        x.set_exception(ValueError("v"))
    except TypeError as e:
        print("set_exception raised", type(e).__name__, e)
    print("exception:", repr(x.exception()))

    h = loop.create_future()
    h.set_result(3)
    try:
        h.add_done_callback(coro)
    except TypeError as e:
        print("add_done_callback raised", type(e).__name__, e)
    h.add_done_callback(lambda f: print("plain cb on done future ran"))
    await asyncio.sleep(0)

    t = asyncio.ensure_future(finisher())
    t.add_done_callback(coro)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task done?", t.done())
    if t.done():
        print("task result:", t.result())


asyncio.run(main(), debug=True)
