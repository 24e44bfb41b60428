import asyncio

async def job(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
    print("finished", name)
    return name

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    print("-- timeout: nothing is cancelled")
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [("t1", 0.005), ("t2", 0.04), ("t3", 0.05)]]
    done, pending = await asyncio.wait(ts, timeout=0.02)
    print("done", names(done), "pending", names(pending))
    print("pending cancelled?", [t.cancelled() for t in ts[1:]])
    print("waiting for the rest")
    await asyncio.sleep(0.06)
    print("after", [t.done() for t in ts], [t.result() for t in ts])

    print("-- timeout with FIRST_COMPLETED, none completes in time")
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [("u1", 0.02), ("u2", 0.04)]]
    done, pending = await asyncio.wait(ts, timeout=0.005, return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("second wait done", names(done), "pending", names(pending))
    await asyncio.wait(pending)

    print("-- timeout 0")
    t = asyncio.create_task(job("z", 0.005), name="z")
    done, pending = await asyncio.wait([t], timeout=0)
    print("done", names(done), "pending", names(pending))
    await t

    print("-- timeout None")
    t = asyncio.create_task(job("n", 0.005), name="n")
    done, pending = await asyncio.wait([t], timeout=None)
    print("done", names(done), "pending", names(pending))

    print("-- everything done before the timeout")
    ts = [asyncio.create_task(job(n, 0.002), name=n) for n in ("v1", "v2")]
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print("done", names(done), "pending", names(pending))

    print("-- cancelling the waiter does not cancel the tasks")
    ts = [asyncio.create_task(job(n, 0.02), name=n) for n in ("w1", "w2")]
    async def waiter():
        try:
            await asyncio.wait(ts, timeout=1)
        except asyncio.CancelledError:
            print("waiter cancelled")
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.005)
    w.cancel()
    await asyncio.sleep(0)
    print("w", w.cancelled(), "tasks", [t.done() for t in ts])
    await asyncio.wait(ts)
    print("tasks", [t.result() for t in ts])

asyncio.run(main())
