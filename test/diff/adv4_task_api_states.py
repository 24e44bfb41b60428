import asyncio
import re

# The Task API in odd states: result()/exception() of a pending task, of one being cancelled
# (still pending), of a cancelled one (with and without a message, read twice), of a failed
# one; get_coro() identity before, during and after; done callbacks interleaved with the
# wake-ups of tasks awaiting the same task (registration order), a callback added to a done
# task, remove_done_callback() counts, cancel() from a task's own done callback; current_task()
# inside an exception handler called from a task and from a loop callback; results of
# unusual types shown in the repr (floats, nan, inf, -0.0, long lists, nested lists).


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def wait_on(fut):
    return await fut


async def fails():
    await asyncio.sleep(0)
    raise KeyError("k")


async def awaiter(name, t):
    r = await t
    print("  awaiter", name, "woke with", repr(r))


async def give(v):
    return v


def handler(loop, context):
    t = asyncio.current_task()
    msg = re.sub(r" at \S+:\d+", "", context["message"])
    print("  handler:", msg, "current:", None if t is None else t.get_name())


def callback1(fut):
    print("  callback 1, current:", asyncio.current_task())


def callback2(fut):
    print("  callback 2")


def added_by_3(fut):
    print("  callback added by callback 3")


def soon_from_3():
    print("  call_soon from callback 3")


def cb3(fut):
    print("  callback 3 cancel() on itself ->", fut.cancel(), "cancelling", fut.cancelling())
    asyncio.get_running_loop().call_soon(soon_from_3)
    fut.add_done_callback(added_by_3)


def bad():
    raise ValueError("cb failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    print("-- result()/exception() by state")
    f = loop.create_future()
    t = asyncio.create_task(wait_on(f), name="t")
    coro = t.get_coro()
    attempt("pending result", t.result)
    attempt("pending exception", t.exception)
    await asyncio.sleep(0)
    print("get_coro same while waiting", t.get_coro() is coro)
    t.cancel("m1")
    attempt("cancelling result", t.result)
    attempt("cancelling exception", t.exception)
    print("done", t.done(), "cancelled", t.cancelled())
    await asyncio.sleep(0)
    attempt("cancelled exception", t.exception)
    attempt("cancelled result", t.result)
    attempt("cancelled result again", t.result)
    print("get_coro same when done", t.get_coro() is coro)
    e = asyncio.create_task(fails(), name="e")
    await asyncio.wait([e])
    attempt("failed result", e.result)
    attempt("failed exception", e.exception)
    show("failed repr", e)

    print("-- done callbacks and awaiters of one task, in registration order")
    f = loop.create_future()
    target = asyncio.create_task(wait_on(f), name="target")
    target.add_done_callback(callback1)
    w1 = asyncio.create_task(awaiter("w1", target), name="w1")
    await asyncio.sleep(0)
    target.add_done_callback(callback2)
    w2 = asyncio.create_task(awaiter("w2", target), name="w2")
    await asyncio.sleep(0)

    target.add_done_callback(cb3)
    target.add_done_callback(cb3)
    show("target", target)
    print("removed cb3", target.remove_done_callback(cb3), "again", target.remove_done_callback(cb3))
    target.add_done_callback(cb3)
    show("target", target)
    f.set_result("F")
    loop.call_soon(lambda: print("  call_soon after set_result"))
    await asyncio.gather(w1, w2)
    target.add_done_callback(lambda fut: print("  callback on a done task"))
    loop.call_soon(lambda: print("  call_soon after it"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    print("-- current_task() in exception handlers")
    loop.call_exception_handler({"message": "from main"})
    loop.call_soon(loop.call_exception_handler, {"message": "from call_soon"})

    loop.call_soon(bad)
    await asyncio.sleep(0)

    print("-- results of odd types")
    for v in (0.1, 1e-07, float("nan"), float("inf"), -0.0, 2.5e+20, list(range(10)), [[[[[[[1]]]]]]], [[[[[[1]]]]]], [], ["a" * 40]):
        r = asyncio.create_task(give(v), name="r")
        await r
        show("  result", r)


asyncio.run(main())
