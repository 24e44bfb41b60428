import asyncio

async def job(name, delay, exc=None):
    await asyncio.sleep(delay)
    if exc is not None:
        print("job fails", name)
        raise exc
    print("job done", name)
    return name

async def main():
    loop = asyncio.get_running_loop()

    print("-- completion order")
    aws = [job("a", 0.03), job("b", 0.005), job("c", 0.015)]
    for i, f in enumerate(asyncio.as_completed(aws)):
        r = await f
        print("got", i, r)

    print("-- mixed futures, tasks, and a failure")
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future")
    t = asyncio.create_task(job("task", 0.02))
    bad = job("bad", 0.005, ValueError("oops"))
    for f in asyncio.as_completed([t, fut, bad]):
        try:
            print("got", await f)
        except ValueError as e:
            print("error", type(e).__name__, str(e))

    print("-- timeout: TimeoutError for the rest")
    ts = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.005), ("y", 0.04), ("z", 0.05)]]
    for f in asyncio.as_completed(ts, timeout=0.02):
        try:
            print("got", await f)
        except TimeoutError:
            print("TimeoutError")
    print("not cancelled", [t.cancelled() for t in ts])
    await asyncio.gather(*ts)
    print("all finished", [t.result() for t in ts])

    print("-- everything before the timeout")
    for f in asyncio.as_completed([job("p", 0.002), job("q", 0.001)], timeout=0.05):
        print("got", await f)

    print("-- already-done futures")
    f1 = loop.create_future()
    f1.set_result(1)
    f2 = loop.create_future()
    f2.set_result(2)
    # (the order of simultaneous completions is set order in asyncio: print sorted)
    print("got", sorted([await f for f in asyncio.as_completed([f2, f1])]))

    print("-- duplicates count once")
    t = asyncio.create_task(job("dup", 0.001))
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
