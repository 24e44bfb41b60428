import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration) and by futures the main task
# releases, never by wall-clock time.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def job(n, result=None, exc=None, gate=None):
    if gate is not None:
        await gate
    await ticks(n)
    if exc is not None:
        print("fail", asyncio.current_task().get_name())
        raise exc
    print("done", asyncio.current_task().get_name())
    return result

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()

    print("-- ALL_COMPLETED (default)")
    ts = [asyncio.create_task(job(n, i), name=f"all{i}") for i, n in enumerate([6, 1, 3])]
    done, pending = await asyncio.wait(ts)
    print("done", names(done), "pending", names(pending))
    print("results", [t.result() for t in ts])

    print("-- FIRST_COMPLETED")
    g0, g2 = loop.create_future(), loop.create_future()
    ts = [
        asyncio.create_task(job(0, 0, gate=g0), name="fc0"),
        asyncio.create_task(job(1, 1), name="fc1"),
        asyncio.create_task(job(0, 2, gate=g2), name="fc2"),
    ]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    print("pending not cancelled", [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])
    g2.set_result(None)
    g0.set_result(None)
    done2, pending2 = await asyncio.wait(pending)
    print("then", names(done2), names(pending2))

    print("-- FIRST_EXCEPTION with a failure")
    gate = loop.create_future()
    ts = [
        asyncio.create_task(job(1, "a"), name="fe0"),
        asyncio.create_task(job(3, exc=ValueError("bad")), name="fe1"),
        asyncio.create_task(job(0, "c", gate=gate), name="fe2"),
    ]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending))
    print("exc", repr(ts[1].exception()))
    gate.set_result(None)
    await asyncio.wait(pending)
    print("all done", [t.done() for t in ts])

    print("-- FIRST_EXCEPTION without failures = ALL_COMPLETED")
    ts = [asyncio.create_task(job(n, n), name=f"fn{i}") for i, n in enumerate([4, 1])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending))

    print("-- FIRST_EXCEPTION: a cancelled task is not an exception")
    ts = [
        asyncio.create_task(job(0, "x", gate=loop.create_future()), name="fx0"),
        asyncio.create_task(job(4, "y"), name="fx1"),
    ]
    loop.call_soon(ts[0].cancel)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "cancelled", ts[0].cancelled())

    print("-- FIRST_COMPLETED with one already done")
    f = loop.create_future()
    f.set_result(1)
    gate = loop.create_future()
    t = asyncio.create_task(job(0, 2, gate=gate), name="late")
    done, pending = await asyncio.wait([f, t], return_when=asyncio.FIRST_COMPLETED)
    print("done has f", f in done, "pending", names(pending))
    gate.set_result(None)
    await t

    print("-- duplicates collapse")
    t = asyncio.create_task(job(1, 1), name="dup")
    done, pending = await asyncio.wait([t, t, t])
    print("len done", len(done), len(pending))

    print("-- errors")
    try:
        await asyncio.wait(set())
    except ValueError:
        print("empty: ValueError")
    coro = job(0, 0)
    try:
        await asyncio.wait([coro])
    except TypeError:
        print("coroutine: TypeError")
    coro.close()
    try:
        await asyncio.wait([asyncio.create_task(job(0, 0), name="x")], return_when="SOMETIMES")
    except ValueError:
        print("bad return_when: ValueError")
    await ticks(2)

asyncio.run(main())
