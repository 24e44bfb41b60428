import asyncio
import types

# A generator coroutine that yields something a task cannot wait on (a number, a string, a
# list, a dict, a bool, zero, a function, a generator object) gets the task's bad-yield error
# thrown back in at its next step (one iteration later, after the callbacks already queued):
# caught at the innermost level it yields again (a bare yield, a real future); caught levels
# up it unwinds the finally clauses in between; uncaught it fails the task and the loop goes
# on. A cancel() requested while the error is on its way replaces it with CancelledError.
# (aionode throws TypeError where asyncio throws RuntimeError, by design: printed as BadYield.)

it = [0]


def kind(e):
    if isinstance(e, RuntimeError) and (str(e).startswith("Task got bad yield")
                                        or str(e).startswith("yield was used instead of yield from for generator")):
        return "BadYield"
    return type(e).__name__


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


def plain():
    return 1


def gen_obj():
    yield 1


@types.coroutine
def raw(v):
    r = yield v
    return r


@types.coroutine
def catcher(tag, v):
    try:
        yield v
        print(tag, "no error?")
    except Exception as e:
        print(tag, "caught", kind(e), "at iteration", it[0])
    r = yield
    print(tag, "after bare yield, got", repr(r), "at iteration", it[0])
    return tag + "-done"


async def middle(tag, v):
    try:
        return await raw(v)
    finally:
        print(tag, "middle finally at iteration", it[0])


async def outer(tag, v):
    try:
        r = await middle(tag, v)
        print(tag, "outer got", repr(r))
    except Exception as e:
        print(tag, "outer caught", kind(e), "at iteration", it[0])
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, tag + "-fut")
    r = await fut
    print(tag, "outer then awaited a future:", repr(r))
    return r


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== caught at the innermost level, one value at a time")
    values = [("num", 42), ("str", "x"), ("list", [1, 2]), ("dict", {"a": 1}), ("true", True),
              ("zero", 0), ("func", plain), ("gen", None)]
    for tag, v in values:
        if tag == "gen":
            v = gen_obj()
        t = asyncio.create_task(catcher(tag, v), name=tag)
        print(tag, "result", await t, "at iteration", it[0])

    print("== several at once, interleaved with callbacks")
    ts = []
    for i, v in enumerate([7, "s", 0.5]):
        ts.append(asyncio.create_task(catcher("m%d" % i, v)))
        loop.call_soon(print, "callback", i, "at iteration", it[0])
    print("gathered", await asyncio.gather(*ts))

    print("== caught two levels up")
    for tag, v in [("o1", 1), ("o2", "two")]:
        print(tag, "result", await asyncio.create_task(outer(tag, v)))

    print("== uncaught: the task fails")
    t = asyncio.create_task(middle("u", 99), name="U")
    try:
        await t
    except Exception as e:
        print("U failed with", kind(e), "done", t.done(), "cancelled", t.cancelled())

    print("== cancel() while the error is on its way")
    t = asyncio.create_task(catcher("c", 5), name="C")
    await asyncio.sleep(0)
    print("C yielded its bad value; cancel ->", t.cancel("stop C"))
    print("cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("C cancelled", repr(str(e)), t.cancelled())

    print("== cancel() before the first step: nothing runs")
    t = asyncio.create_task(catcher("d", 5), name="D")
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("D cancelled", t.cancelled())

    print("== the loop still works")
    print("sleep ->", await asyncio.sleep(0, "fine"))
    stop.set_result(None)
    await ck
    print("end at iteration", it[0])


asyncio.run(main())
