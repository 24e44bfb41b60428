import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def worker(name, n, result):
    print("start", name)
    await ticks(n)
    print("end", name)
    return result

async def instant(x):
    print("instant", x)
    return x

async def main():
    # results come back in argument order, not completion order
    res = await asyncio.gather(worker("a", 6, "A"), worker("b", 1, "B"), worker("c", 3, "C"))
    print("results", res)

    # empty gather
    res = await asyncio.gather()
    print("empty", res)

    # duplicates: the same task twice runs once, its result appears twice
    t = asyncio.create_task(worker("dup", 2, 7))
    res = await asyncio.gather(t, t, instant(1), t)
    print("dups", res)

    # a future, a task and coroutines mixed
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.005, f.set_result, "fut")
    t2 = asyncio.create_task(worker("t2", 2, "task"))
    res = await asyncio.gather(f, t2, instant("coro"), asyncio.sleep(0.001, "slept"))
    print("mixed", res)

    # gather of already-done futures
    d1 = loop.create_future()
    d1.set_result(1)
    d2 = loop.create_future()
    d2.set_result(2)
    g = asyncio.gather(d2, d1)
    print("g done before await", g.done())
    print("done futs", await g)
    print("g done", g.done(), g.result())

    # a single awaitable
    print("single", await asyncio.gather(instant("one")))

    # the same coroutine object twice is awaited once
    c = worker("same", 1, "S")
    print("same coro", await asyncio.gather(c, c))

asyncio.run(main())
