import asyncio
import types

it = [0]


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


@types.coroutine
def relinquish():
    v = yield
    return v


async def setter(fut, value, n, fail=False):
    for _ in range(n):
        await asyncio.sleep(0)
    if fut.done():
        print("setter finds it done, cancelled", fut.cancelled())
        return
    print("setter", "fails" if fail else "sets", value)
    if fail:
        fut.set_exception(ValueError(value))
    else:
        fut.set_result(value)


async def slow(name, n):
    print(name, "slow starts")
    try:
        for _ in range(n):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(name, "slow cancelled", repr(str(e)))
        raise
    print(name, "slow ends")
    return name + " slow result"


async def worker(name, fut):
    print(name, "waits for its future")
    try:
        v = await fut
        print(name, "got", repr(v))
        r = await relinquish()
        print(name, "relinquished, got", repr(r))
        s = await slow(name, 2)
        print(name, "got", repr(s))
        return v
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)), "fut cancelled", fut.cancelled())
        raise
    except ValueError as e:
        print(name, "ValueError", repr(str(e)))
        return "failed"


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== two workers, futures set at different times")
    f1, f2 = loop.create_future(), loop.create_future()
    w1 = asyncio.create_task(worker("w1", f1))
    w2 = asyncio.create_task(worker("w2", f2))
    asyncio.create_task(setter(f2, "two", 1))
    asyncio.create_task(setter(f1, "one", 3))
    print("results", await w1, await w2)

    print("== a worker waiting on a task")
    t = asyncio.create_task(slow("inner", 3))
    w = asyncio.create_task(worker("wt", t))
    print("result", await w)

    print("== failing future")
    f = loop.create_future()
    w = asyncio.create_task(worker("wf", f))
    asyncio.create_task(setter(f, "bad value", 1, fail=True))
    print("result", await w)

    print("== cancel at each suspension")
    for k in range(1, 7):
        print("-- cancel after", k)
        f = loop.create_future()
        w = asyncio.create_task(worker("wc%d" % k, f))
        asyncio.create_task(setter(f, "v%d" % k, 1))
        for _ in range(k):
            await asyncio.sleep(0)
        print("cancel ->", w.cancel("c%d" % k))
        try:
            print("result", await w)
        except asyncio.CancelledError as e:
            print("raised CancelledError", repr(str(e)), "cancelling", w.cancelling())

    stop.set_result(None)
    await ck


asyncio.run(main())
