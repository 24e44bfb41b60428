import asyncio

async def job(delay, result=None, exc=None):
    await asyncio.sleep(delay)
    if exc is not None:
        print("fail", asyncio.current_task().get_name())
        raise exc
    print("done", asyncio.current_task().get_name())
    return result

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    print("-- ALL_COMPLETED (default)")
    ts = [asyncio.create_task(job(d, i), name=f"all{i}") for i, d in enumerate([0.02, 0.005, 0.01])]
    done, pending = await asyncio.wait(ts)
    print("done", names(done), "pending", names(pending))
    print("results", [t.result() for t in ts])

    print("-- FIRST_COMPLETED")
    ts = [asyncio.create_task(job(d, i), name=f"fc{i}") for i, d in enumerate([0.03, 0.005, 0.02])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    print("pending not cancelled", [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])
    done2, pending2 = await asyncio.wait(pending)
    print("then", names(done2), names(pending2))

    print("-- FIRST_EXCEPTION with a failure")
    ts = [
        asyncio.create_task(job(0.005, "a"), name="fe0"),
        asyncio.create_task(job(0.01, exc=ValueError("bad")), name="fe1"),
        asyncio.create_task(job(0.03, "c"), name="fe2"),
    ]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending))
    print("exc", repr(ts[1].exception()))
    await asyncio.wait(pending)
    print("all done", [t.done() for t in ts])

    print("-- FIRST_EXCEPTION without failures = ALL_COMPLETED")
    ts = [asyncio.create_task(job(d, d), name=f"fn{i}") for i, d in enumerate([0.01, 0.002])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending))

    print("-- FIRST_EXCEPTION: a cancelled task is not an exception")
    ts = [asyncio.create_task(job(0.05, "x"), name="fx0"), asyncio.create_task(job(0.01, "y"), name="fx1")]
    asyncio.get_running_loop().call_later(0.002, ts[0].cancel)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "cancelled", ts[0].cancelled())

    print("-- FIRST_COMPLETED with one already done")
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    t = asyncio.create_task(job(0.01, 2), name="late")
    done, pending = await asyncio.wait([f, t], return_when=asyncio.FIRST_COMPLETED)
    print("done has f", f in done, "pending", names(pending))
    await t

    print("-- duplicates collapse")
    t = asyncio.create_task(job(0.001, 1), name="dup")
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
    await asyncio.sleep(0.01)

asyncio.run(main())
