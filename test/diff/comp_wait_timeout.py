import asyncio

# Tasks finish when the main task releases their gate (or after a few loop iterations), so only
# the timeouts depend on the clock, and they have no race to lose.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def job(name, gate=None):
    try:
        if gate is not None:
            await gate
        else:
            await ticks(1)
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
    print("finished", name)
    return name

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    loop = asyncio.get_running_loop()

    print("-- timeout: nothing is cancelled")
    g2, g3 = loop.create_future(), loop.create_future()
    ts = [
        asyncio.create_task(job("t1"), name="t1"),
        asyncio.create_task(job("t2", g2), name="t2"),
        asyncio.create_task(job("t3", g3), name="t3"),
    ]
    await ticks(3)
    done, pending = await asyncio.wait(ts, timeout=0.01)
    print("done", names(done), "pending", names(pending))
    print("pending cancelled?", [t.cancelled() for t in ts[1:]])
    print("releasing the rest")
    g3.set_result(None)
    g2.set_result(None)
    await ticks(2)
    print("after", [t.done() for t in ts], [t.result() for t in ts])

    print("-- timeout with FIRST_COMPLETED, none completes in time")
    gu1, gu2 = loop.create_future(), loop.create_future()
    ts = [asyncio.create_task(job("u1", gu1), name="u1"), asyncio.create_task(job("u2", gu2), name="u2")]
    done, pending = await asyncio.wait(ts, timeout=0.005, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    gu1.set_result(None)
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("second wait done", names(done), "pending", names(pending))
    gu2.set_result(None)
    await asyncio.wait(pending)

    print("-- timeout 0")
    gz = loop.create_future()
    t = asyncio.create_task(job("z", gz), name="z")
    done, pending = await asyncio.wait([t], timeout=0)
    print("done", names(done), "pending", names(pending))
    gz.set_result(None)
    await t

    print("-- negative timeout")
    gn = loop.create_future()
    t = asyncio.create_task(job("neg", gn), name="neg")
    done, pending = await asyncio.wait([t], timeout=-1)
    print("done", names(done), "pending", names(pending))
    gn.set_result(None)
    await t

    print("-- timeout None")
    t = asyncio.create_task(job("n"), name="n")
    done, pending = await asyncio.wait([t], timeout=None)
    print("done", names(done), "pending", names(pending))

    print("-- everything done before the timeout")
    ts = [asyncio.create_task(job(n), name=n) for n in ("v1", "v2")]
    done, pending = await asyncio.wait(ts, timeout=10)
    print("done", names(done), "pending", names(pending))

    print("-- cancelling the waiter does not cancel the tasks")
    gw = loop.create_future()
    ws = [asyncio.create_task(job(n, gw), name=n) for n in ("w1", "w2")]
    async def waiter():
        try:
            await asyncio.wait(ws, timeout=10)
        except asyncio.CancelledError:
            print("waiter cancelled")
            raise
    w = asyncio.create_task(waiter())
    await ticks(1)
    w.cancel()
    await ticks(3)
    print("w", w.cancelled(), "tasks", [t.done() for t in ws])
    gw.set_result(None)
    await asyncio.wait(ws)
    print("tasks", [t.result() for t in ws])

asyncio.run(main())
