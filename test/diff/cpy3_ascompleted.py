# CPython test_tasks.py, asyncio.as_completed(), as printed traces: test_as_completed,
# test_as_completed_with_timeout, test_as_completed_with_unused_timeout,
# test_as_completed_reverse_wait, test_as_completed_concurrent,
# test_as_completed_duplicate_coroutines, test_as_completed_coroutine_use_running_loop,
# test_as_completed_invalid_args. (CPython's test clock is replaced by sleeps at least 0.1 s
# apart; elapsed times are printed to the tenth.)
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def elapsed(t0):
        return round(loop.time() - t0, 1)

    print("== test_as_completed")
    completed = []

    async def sleeper(dt, x):
        await asyncio.sleep(dt)
        completed.append(x)
        return x

    t0 = loop.time()
    a = sleeper(0.1, "a")
    b = sleeper(0.1, "b")
    c = sleeper(0.3, "c")

    async def foo():
        values = []
        for f in asyncio.as_completed([b, c, a]):
            values.append(await f)
        return values

    res = await asyncio.create_task(foo())
    print("  first two", sorted(res[:2]), "third", res[2], "after", elapsed(t0))

    print("== test_as_completed_with_timeout")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(0.1, "a"))
    b = asyncio.create_task(asyncio.sleep(0.4, "b"))

    async def foo2():
        values = []
        for f in asyncio.as_completed([a, b], timeout=0.2):
            try:
                v = await f
                values.append((1, v))
            except asyncio.TimeoutError as exc:
                values.append((2, type(exc).__name__))
        return values

    res = await asyncio.create_task(foo2())
    print("  values", res, "after", elapsed(t0))
    await asyncio.wait([a, b])
    print("  b", b.result(), "after", elapsed(t0))

    print("== test_as_completed_with_unused_timeout")
    t0 = loop.time()
    a = asyncio.sleep(0.1, "a")

    async def foo3():
        for f in asyncio.as_completed([a], timeout=1):
            v = await f
            print("  got", v)

    await asyncio.create_task(foo3())
    print("  after", elapsed(t0))

    print("== test_as_completed_reverse_wait")
    t0 = loop.time()
    a = asyncio.sleep(0.1, "a")
    b = asyncio.sleep(0.3, "b")
    futs = list(asyncio.as_completed({a, b}))
    print("  count", len(futs))
    x = await futs[1]
    print("  futs[1] ->", x, "after", elapsed(t0))
    y = await futs[0]
    print("  futs[0] ->", y, "after", elapsed(t0))

    print("== test_as_completed_concurrent")
    a = asyncio.sleep(0.1, "a")
    b = asyncio.sleep(0.1, "b")
    futs = list(asyncio.as_completed({a, b}))
    print("  count", len(futs))
    done, pending = await asyncio.wait([asyncio.ensure_future(fut) for fut in futs])
    print("  results", sorted(f.result() for f in done), "pending", pending)

    print("== test_as_completed_duplicate_coroutines")

    async def coro(s):
        return s

    async def runner():
        result = []
        c = coro("ham")
        for f in asyncio.as_completed([c, c, coro("spam")]):
            result.append(await f)
        return result

    fut = asyncio.create_task(runner())
    await fut
    print("  results", sorted(fut.result()), "count", len(fut.result()))

    print("== test_as_completed_coroutine_use_running_loop")

    async def c42():
        return 42

    futs = list(asyncio.as_completed([c42()]))
    print("  count", len(futs), "value", await futs[0])

    print("== test_as_completed_invalid_args")
    fut = loop.create_future()
    try:
        list(asyncio.as_completed(fut))
    except TypeError:
        print("  a future: TypeError")
    cr = c42()
    try:
        list(asyncio.as_completed(cr))
    except TypeError:
        print("  a coroutine: TypeError")
    cr.close()
    fut.cancel()


asyncio.run(main())
