import asyncio

# Barrier whose internal lock is contended: reset() and abort() are coroutines that must take
# the condition's lock, so while tripped parties queue to re-acquire it they run after them (or
# are cancelled before they act); parties = 1; many tasks cycling through a 2-party barrier for
# several generations (indexes, order); a reset() racing with the last arrival.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    b = None

    async def party(name, rounds=1):
        out = []
        for k in range(rounds):
            try:
                i = await b.wait()
            except asyncio.CancelledError:
                log.append(("cancelled", name, r(b)))
                raise
            except asyncio.BrokenBarrierError as e:
                log.append(("broken", name, str(e), r(b)))
                out.append("B")
                continue
            log.append(("passed", name, k, i, r(b)))
            out.append(i)
        return out

    async def op(kind):
        log.append((kind, "start", r(b)))
        try:
            await (b.reset() if kind == "reset" else b.abort())
        except asyncio.CancelledError:
            log.append((kind, "cancelled", r(b)))
            raise
        log.append((kind, "done", r(b)))

    def flush(tag):
        print(tag, *log, "|", r(b), b.n_waiting, b.broken)
        log.clear()

    print("-- parties = 1")
    b = asyncio.Barrier(1)
    print(r(b), b.parties, await b.wait(), await b.wait(), r(b))
    async with b as i:
        print("with", i, r(b))

    print("-- abort() queued on the lock behind tripped parties")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    flush("filling")
    last = asyncio.create_task(party(2))
    ab = asyncio.create_task(op("abort"))
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    await asyncio.sleep(0)
    flush("tick3")
    res = await asyncio.gather(*ps, last, ab)
    flush("end")
    print(res)

    print("-- reset() cancelled while it waits for the lock")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    last = asyncio.create_task(party(2))
    rs = asyncio.create_task(op("reset"))
    await asyncio.sleep(0)
    flush("tick1")
    rs.cancel()
    await asyncio.sleep(0)
    flush("tick2")
    res = await asyncio.gather(*ps, last, rs, return_exceptions=True)
    flush("end")
    print([x if isinstance(x, list) else type(x).__name__ for x in res])

    print("-- reset() in the same iteration as the last arrival")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    rs = asyncio.create_task(op("reset"))
    last = asyncio.create_task(party(2))
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("late arrival waits?", r(b))
    late = asyncio.create_task(party("late"))
    await asyncio.sleep(0)
    flush("tick3")
    res = await asyncio.gather(*ps, rs, return_exceptions=True)
    flush("gathered")
    print(res, late.done(), last.done())
    late.cancel()
    last.cancel()
    await asyncio.sleep(0)
    flush("cancelled stragglers")

    print("-- five tasks cycling through a 2-party barrier")
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(party(i, rounds=2)) for i in range(5)]
    for k in range(8):
        await asyncio.sleep(0)
        flush("tick%d" % k)
    print("stuck", [t.done() for t in ts], r(b))
    for n in range(2):
        extra = await b.wait()
        for k in range(3):
            await asyncio.sleep(0)
        flush("after extra %d" % extra)
    print([t.result() for t in ts])

asyncio.run(main())
