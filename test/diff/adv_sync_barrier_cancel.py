import asyncio

# Barrier and cancellation: a party cancelled while the barrier fills gives its place back
# (n_waiting drops, the barrier is not broken); a party cancelled after the barrier tripped but
# before it ran gets CancelledError while the others pass; reset() while parties drain makes the
# woken-but-not-yet-run parties fail with BrokenBarrierError; arrivals during draining block
# until it ends, and one cancelled there leaves the count alone; abort() and a cancel in the
# same iteration.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    b = None

    async def party(name):
        try:
            i = await b.wait()
        except asyncio.CancelledError:
            log.append(("cancelled", name, r(b)))
            raise
        except asyncio.BrokenBarrierError as e:
            log.append(("broken", name, str(e)))
            return "broken"
        log.append(("passed", name, i))
        return i

    def flush(tag):
        print(tag, *log, r(b), b.n_waiting, b.broken)
        log.clear()

    print("-- cancelled while filling")
    b = asyncio.Barrier(3)
    p0 = asyncio.create_task(party(0))
    p1 = asyncio.create_task(party(1))
    await asyncio.sleep(0)
    flush("two waiting")
    p0.cancel()
    await asyncio.sleep(0)
    flush("after cancel")
    p2 = asyncio.create_task(party(2))
    await asyncio.sleep(0)
    flush("p2 arrived")
    p3 = asyncio.create_task(party(3))
    await asyncio.gather(p1, p2, p3)
    flush("tripped")

    print("-- cancelled after the trip, before it ran")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    last = asyncio.create_task(party("last"))
    await asyncio.sleep(0)
    flush("tripped?")
    ps[0].cancel()
    await asyncio.sleep(0)
    flush("tick")
    res = await asyncio.gather(*ps, last, return_exceptions=True)
    flush("end")
    print([x if not isinstance(x, BaseException) else type(x).__name__ for x in res])

    print("-- trip and cancel in one iteration")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    async def tripper():
        i = await b.wait()
        ps[1].cancel()
        log.append(("tripper", i))
        return i
    t = asyncio.create_task(tripper())
    newcomer = asyncio.create_task(party("new"))
    res = await asyncio.gather(*ps, t, return_exceptions=True)
    flush("drained")
    print([x if not isinstance(x, BaseException) else type(x).__name__ for x in res])
    print("newcomer", newcomer.done())
    newcomer.cancel()
    await asyncio.sleep(0)
    flush("newcomer cancelled")

    print("-- reset while draining")
    b = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    async def tripper2():
        i = await b.wait()
        log.append(("tripper2", i, r(b)))
        await b.reset()
        log.append(("reset done", r(b)))
        return i
    t = asyncio.create_task(tripper2())
    blocked = asyncio.create_task(party("blocked"))
    res = await asyncio.gather(*ps, t, return_exceptions=True)
    flush("after")
    print(res)
    await asyncio.sleep(0)
    flush("blocked")
    blocked.cancel()
    await asyncio.sleep(0)
    flush("blocked cancelled")

    print("-- abort and cancel in the same iteration")
    b = asyncio.Barrier(4)
    ps = [asyncio.create_task(party(i)) for i in range(3)]
    await asyncio.sleep(0)
    ab = asyncio.create_task(b.abort())
    ps[1].cancel()
    await asyncio.sleep(0)
    flush("tick1")
    res = await asyncio.gather(*ps, return_exceptions=True)
    flush("end")
    print([x if not isinstance(x, BaseException) else type(x).__name__ for x in res])
    await b.reset()
    flush("reset")

asyncio.run(main())
