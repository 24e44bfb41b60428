import asyncio
import types

# Objects a generator coroutine yields bare (`yield x`, not `yield from x`) that a task cannot
# wait on: a coroutine object already awaited to its end (a generator-based one and an async
# one), one whose task was cancelled mid-way, a raw generator fresh or exhausted (its body does
# not run), a generator function, a coroutine function, a class, an object whose `then` is not
# callable, a list holding a future, an exception instance, falsy values. Each is yielded two
# levels below the task, right after a callback is queued: the error is thrown in at the task's
# next step (after that callback), the innermost level catches it and awaits a real future, or
# lets it climb through the middle level's finally to the top, which reports it and goes on.
# Uncaught, it fails the task; a cancel() while it is on its way replaces it. The loop goes on.
# (aionode throws TypeError for a bad yield, and RuntimeError('cannot reuse already awaited
# coroutine') for a used coroutine object, where asyncio throws its bad-yield RuntimeError:
# both are printed as RuntimeError. A finished generator-based coroutine awaited again returns
# None in asyncio, where aionode's coroutine objects raise, by design: not probed.)

it = [0]
ran = []


def kind(e):
    return type(e).__name__


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


@types.coroutine
def gen_coro(tag):
    ran.append(tag)
    yield
    return "g-" + tag


async def async_coro(tag):
    ran.append(tag)
    await asyncio.sleep(0)
    return "a-" + tag


def raw_gen(tag):
    ran.append(tag)
    yield 1


class Thing:
    then = 5


@types.coroutine
def inner(tag, v, catch):
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "   ", tag, "callback queued before the yield, iteration", it[0])
    if not catch:
        r = yield v
        print("   ", tag, "inner got", repr(r), "?")
        return r
    try:
        r = yield v
        print("   ", tag, "inner got", repr(r), "?")
    except Exception as e:
        print("   ", tag, "inner caught", kind(e), "at iteration", it[0])
    fut = loop.create_future()
    loop.call_soon(fut.set_result, tag + "-real")
    r = yield from fut
    print("   ", tag, "inner then awaited", repr(r))
    return r


async def middle(tag, v, catch):
    try:
        return await inner(tag, v, catch)
    finally:
        print("   ", tag, "middle finally at iteration", it[0])


async def top(tag, v, catch):
    try:
        r = await middle(tag, v, catch)
    except Exception as e:
        print("   ", tag, "top caught", kind(e), "at iteration", it[0])
        r = await asyncio.sleep(0, tag + "-recovered")
    return r


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    used_g = gen_coro("used-g")
    print("used-g awaited ->", await used_g)
    used_a = async_coro("used-a")
    print("used-a awaited ->", await used_a)
    cut = async_coro("cut")
    t = asyncio.create_task(cut)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cut's task cancelled mid-way")
    exhausted = raw_gen("exhausted")
    print("exhausted drained", list(exhausted))
    fresh = raw_gen("fresh")
    fut = loop.create_future()
    values = [("used-g", used_g), ("used-a", used_a), ("cut", cut), ("exhausted", exhausted),
              ("fresh-gen", fresh), ("gen-func", raw_gen), ("coro-func", async_coro),
              ("class", Thing), ("then-5", Thing()), ("list", [fut]), ("exc", ValueError("v")),
              ("empty-str", ""), ("false", False), ("nan", float("nan"))]
    del ran[:]

    print("== caught where it is yielded")
    for tag, v in values:
        print(tag, "->", await asyncio.create_task(top(tag, v, True)), "at iteration", it[0])
    print("bodies run meanwhile:", ran)

    print("== caught two levels up")
    for tag, v in values[:4]:
        print(tag, "->", await asyncio.create_task(top(tag, v, False)), "at iteration", it[0])

    print("== uncaught: the task fails")
    for tag, v in values[:3]:
        t = asyncio.create_task(middle(tag, v, False), name="U-" + tag)
        try:
            await t
        except Exception as e:
            print(t.get_name(), "failed with", kind(e), "done", t.done(), "cancelled", t.cancelled())

    print("== cancel() while the error is on its way")
    for tag, v in values[:2]:
        t = asyncio.create_task(middle(tag, v, True), name="C-" + tag)
        await asyncio.sleep(0)
        print(t.get_name(), "cancel ->", t.cancel("stop " + tag), "cancelling", t.cancelling())
        try:
            await t
        except asyncio.CancelledError as e:
            print(t.get_name(), "cancelled", repr(str(e)), t.cancelled())

    print("== the loop still works; the used coroutine objects are still used up")
    print("sleep ->", await asyncio.sleep(0, "fine"))
    for tag, v in values[1:3]:
        try:
            await v
        except RuntimeError as e:
            print(tag, "awaited again:", kind(e))
    fut.cancel()
    stop.set_result(None)
    await ck
    print("end at iteration", it[0], "ran", ran)


asyncio.run(main())
