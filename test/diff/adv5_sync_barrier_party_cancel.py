import asyncio

# Barrier with parties cancelled mid-wait: a cancelled party leaves (n_waiting drops) without
# breaking the barrier, a party cancelled in the iteration the barrier trips still gets its
# cancellation while the others pass, reset() and abort() with waiters raise BrokenBarrierError
# in each, wait() on a broken barrier raises at once, reset() mends it, the async-with index,
# the reprs in every state, and bad arguments.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    b = None

    async def party(name):
        try:
            i = await b.wait()
            log.append(("passed", name, i))
            return i
        except asyncio.BrokenBarrierError as e:
            log.append(("broken", name, type(e).__name__, str(e)))
            return "B"
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, e.args, b.n_waiting))
            raise

    def flush(tag):
        print(tag, *log, "|", r(b), b.n_waiting, b.broken)
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else t.result()) if t.done() else "P" for t in ts]

    print("-- a cancelled party leaves, the barrier stays whole")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(i)) for i in range(2)]
    await spin(2)
    flush("two waiting")
    ts[0].cancel("leave")
    await spin(2)
    flush("one cancelled")
    ts += [asyncio.create_task(party(i)) for i in (2, 3)]
    await spin(4)
    flush("two more came")
    print("states", states(ts))

    print("-- cancelled in the iteration the barrier trips")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(i)) for i in range(2)]
    await spin(2)
    ts.append(asyncio.create_task(party(2)))
    await asyncio.sleep(0)        # party 2 trips it: the others are notified
    flush("tripped")
    ts[0].cancel("too late")
    await spin(5)
    flush("after")
    print("states", states(ts), [t.cancelling() for t in ts])

    print("-- reset with waiters")
    b = asyncio.Barrier(4)
    ts = [asyncio.create_task(party(i)) for i in range(3)]
    await spin(2)
    flush("three waiting")
    await b.reset()
    flush("reset")
    await spin(4)
    flush("after")
    print("states", states(ts))
    ts = [asyncio.create_task(party(i)) for i in range(4)]
    await spin(4)
    flush("reused")
    print("states", states(ts))

    print("-- abort with waiters, wait on a broken barrier, reset mends")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(i)) for i in range(2)]
    await spin(2)
    ts[1].cancel()
    await b.abort()
    flush("abort + cancel")
    await spin(4)
    flush("after")
    print("states", states(ts))
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("wait on broken:", type(e).__name__, repr(str(e)))
    await b.abort()
    flush("abort again")
    await b.reset()
    flush("reset")
    ts = [asyncio.create_task(party(i)) for i in range(3)]
    await spin(4)
    flush("whole again")
    print("states", states(ts))

    print("-- async with gives the index, parties=1")
    b = asyncio.Barrier(1)
    for k in range(3):
        async with b as i:
            log.append(("with", k, i))
    flush("single party")
    for bad in (0, -1):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            print("ValueError", bad, str(e))
    print("parties", b.parties)

asyncio.run(main())
