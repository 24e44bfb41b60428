import asyncio

# Completion order is driven by loop iterations (sleep(0) = one iteration) and by gates the main
# task releases; only the as_completed timeout uses the clock, with nothing racing it.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def job(name, n, exc=None, gate=None):
    if gate is not None:
        await gate
    await ticks(n)
    if exc is not None:
        print("job fails", name)
        raise exc
    print("job done", name)
    return name

async def resolve_later(fut, n, value):
    await ticks(n)
    fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()

    # (asyncio wraps coroutines in tasks in set order, so the start order would be arbitrary:
    # pass tasks created in a known order)
    print("-- completion order")
    aws = [asyncio.create_task(job("a", 20)), asyncio.create_task(job("b", 1)), asyncio.create_task(job("c", 10))]
    for i, f in enumerate(asyncio.as_completed(aws)):
        r = await f
        print("got", i, r)

    print("-- mixed futures, tasks, and a failure")
    fut = loop.create_future()
    helper = asyncio.create_task(resolve_later(fut, 10, "future"))
    t = asyncio.create_task(job("task", 20))
    bad = asyncio.create_task(job("bad", 1, ValueError("oops")))
    for f in asyncio.as_completed([t, fut, bad]):
        try:
            print("got", await f)
        except ValueError as e:
            print("error", type(e).__name__, str(e))

    print("-- timeout: TimeoutError for the rest")
    gy, gz = loop.create_future(), loop.create_future()
    ts = [asyncio.create_task(job("x", 0)), asyncio.create_task(job("y", 0, gate=gy)), asyncio.create_task(job("z", 0, gate=gz))]
    await ticks(2)
    for f in asyncio.as_completed(ts, timeout=0.02):
        try:
            print("got", await f)
        except TimeoutError:
            print("TimeoutError")
    print("not cancelled", [t.cancelled() for t in ts])
    gy.set_result(None)
    gz.set_result(None)
    await asyncio.gather(*ts)
    print("all finished", [t.result() for t in ts])

    print("-- everything before the timeout")
    for f in asyncio.as_completed([asyncio.create_task(job("p", 10)), asyncio.create_task(job("q", 1))], timeout=10):
        print("got", await f)

    print("-- already-done futures")
    f1 = loop.create_future()
    f1.set_result(1)
    f2 = loop.create_future()
    f2.set_result(2)
    # (the order of simultaneous completions is set order in asyncio: print sorted)
    print("got", sorted([await f for f in asyncio.as_completed([f2, f1])]))

    print("-- duplicates count once")
    t = asyncio.create_task(job("dup", 1))
    n = 0
    for f in asyncio.as_completed([t, t]):
        print("got", await f)
        n += 1
    print("n", n)

    print("-- empty")
    print("items", len(list(asyncio.as_completed([]))))

    print("-- bad input")
    try:
        list(asyncio.as_completed(t))
    except TypeError:
        print("future: TypeError")

asyncio.run(main())
