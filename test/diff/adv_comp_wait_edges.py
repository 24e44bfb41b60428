import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def work(name, n, fail=False):
    await ticks(n)
    print("work", name, "finishes")
    if fail:
        raise ValueError(name)
    return name

async def holdout(name, n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("holdout", name, "cancelled")
        raise

def names(fs):
    return sorted(f.get_name() if hasattr(f, "get_name") else f.label for f in fs)

def fut(loop, label):
    f = loop.create_future()
    f.label = label
    return f

async def main():
    loop = asyncio.get_running_loop()

    print("-- duplicates in the input")
    t = asyncio.create_task(work("dup", 1), name="dup")
    done, pending = await asyncio.wait([t, t, t])
    print("done", names(done), "pending", names(pending))

    print("-- timeout=0, everything pending")
    t1 = asyncio.create_task(work("p1", 3), name="p1")
    loop.call_soon(print, "marker soon")
    done, pending = await asyncio.wait([t1], timeout=0)
    print("done", names(done), "pending", names(pending))
    await t1

    print("-- timeout=0, inputs already done")
    f1 = fut(loop, "f1"); f1.set_result(1)
    f2 = fut(loop, "f2"); f2.set_exception(ValueError("x"))
    f3 = fut(loop, "f3")
    for rw in (asyncio.ALL_COMPLETED, asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION):
        done, pending = await asyncio.wait([f1, f2, f3], timeout=0, return_when=rw)
        print(rw, "done", names(done), "pending", names(pending))
    f2.exception()

    print("-- timeout=-1 with a future that completes in the same iteration")
    f4 = fut(loop, "f4")
    loop.call_soon(f4.set_result, 4)
    done, pending = await asyncio.wait([f4], timeout=-1)
    print("done", names(done), "pending", names(pending))

    print("-- already done inputs, no timeout: when does wait return?")
    g1 = fut(loop, "g1"); g1.set_result(1)
    g2 = fut(loop, "g2"); g2.set_result(2)
    loop.call_soon(print, "marker 1")
    loop.call_soon(lambda: loop.call_soon(print, "marker 2"))
    done, pending = await asyncio.wait([g1, g2])
    print("returned: done", names(done), "pending", names(pending))
    await ticks(2)

    print("-- FIRST_EXCEPTION where a task is cancelled (not an exception)")
    c = asyncio.create_task(holdout("c", 0), name="c")
    s = asyncio.create_task(work("s", 4), name="s")
    loop.call_soon(c.cancel)
    done, pending = await asyncio.wait([c, s], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "c.cancelled", c.cancelled())

    print("-- FIRST_EXCEPTION where the cancelled task raises another exception")
    async def converts(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            raise KeyError(name)
    c = asyncio.create_task(converts("cv"), name="cv")
    s = asyncio.create_task(work("s2", 4), name="s2")
    loop.call_soon(c.cancel)
    done, pending = await asyncio.wait([c, s], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "exc", repr(c.exception()))
    await s

    print("-- FIRST_EXCEPTION: failing future already done with others pending")
    e1 = fut(loop, "e1"); e1.set_exception(ValueError("early"))
    p = asyncio.create_task(work("p", 2), name="p")
    done, pending = await asyncio.wait([p, e1], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending))
    e1.exception()
    await p

    print("-- FIRST_COMPLETED where a cancelled future counts")
    x = fut(loop, "x")
    y = fut(loop, "y")
    loop.call_soon(x.cancel)
    done, pending = await asyncio.wait([x, y], return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))

    print("-- timeout exactly while the last one finishes; ALL_COMPLETED, timeout=0 and a done future")
    z = fut(loop, "z")
    loop.call_soon(z.set_result, None)
    w = fut(loop, "w"); w.set_result(0)
    done, pending = await asyncio.wait([z, w], timeout=0)
    print("done", names(done), "pending", names(pending))

asyncio.run(main())
