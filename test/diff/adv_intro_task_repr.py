import asyncio
import re

# repr() of Tasks where aionode differs from asyncio 3.11 (source locations dropped, as the
# README documents): the 'cancelling' state, the wait_for=<...> part, the name shown with
# repr() (quotes escaped), reprlib's shortening of long string results, and the class name of
# gather()'s future (in its repr and in its "never retrieved" message).


def show(label, obj):
    text = obj if isinstance(obj, str) else repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def child(fut):
    return await fut


async def sleeper():
    await asyncio.sleep(10)


async def fails():
    raise ValueError("bad")


async def returns(v):
    return v


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(child(fut), name="waiter")
    await asyncio.sleep(0)
    show("1 waiting on a future", t)
    w = asyncio.create_task(child(t), name="outer")
    await asyncio.sleep(0)
    show("2 waiting on a task", w)
    print("cancel ->", t.cancel())
    show("3 after cancel()", t)
    await asyncio.sleep(0)
    show("4 cancelled", t)

    s = asyncio.create_task(sleeper(), name="sleeper")
    s.cancel()
    show("5 cancel() before start", s)
    print("uncancel ->", s.uncancel())
    show("6 after uncancel()", s)
    await asyncio.sleep(0)
    show("7 ended", s)

    q = asyncio.create_task(returns(1), name="it's")
    show("8 name with a quote", q)
    q.set_name("tab\there")
    show("9 name with a tab", q)
    await q

    r = asyncio.create_task(returns("x" * 40), name="long")
    await r
    show("10 long string result", r)

    g = asyncio.gather(fails())
    show("11 gather future", g)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    show("12 gather failed", g)
    loop.call_exception_handler({"message": "dummy"})  # the handler prints messages
    try:
        await w
    except asyncio.CancelledError:
        pass
    global leftover
    leftover = g


def handler(loop, context):
    print("handler:", context["message"])


leftover = None
loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
loop.run_until_complete(main())
leftover = None
import gc
gc.collect()
loop.close()
