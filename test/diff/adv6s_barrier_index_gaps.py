import asyncio

# Barrier indices and counts under churn: a party cancelled while the barrier fills gives its
# slot back, so the next arrival gets the same index again (two parties can pass with equal
# indices); arrivals during draining block in _block and take indices of the next generation; a
# blocked arrival cancelled while draining leaves no trace; abort() while parties drain makes
# the not-yet-run ones fail and the barrier stays broken after the last leaves; reset() of a
# broken barrier with parties still inside goes through resetting; wait() under wait_for()
# timing out; n_waiting, broken and the repr at every step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P"
    if t.cancelled():
        return "C"
    e = t.exception()
    return type(e).__name__ if e else t.result()

async def main():
    log = []
    b = None

    async def party(name):
        try:
            i = await b.wait()
            log.append(("pass", name, i))
            return i
        except asyncio.BrokenBarrierError as e:
            log.append(("broken", name, str(e)))
            raise
        except asyncio.CancelledError as e:
            log.append(("cancel", name, e.args))
            raise

    def flush(tag, ts):
        print(tag, *log, "|", r(b), b.n_waiting, b.broken, [st(t) for t in ts])
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    print("-- a cancelled party's slot is reused: equal indices")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party("a")), asyncio.create_task(party("b"))]
    await spin(1)
    flush("a=0 b=1 waiting", ts)
    ts[0].cancel("out")
    await spin(1)
    flush("a cancelled", ts)
    ts.append(asyncio.create_task(party("c")))
    await spin(1)
    flush("c arrived", ts)
    ts.append(asyncio.create_task(party("d")))
    await spin(1)
    flush("d arrived, trips", ts)
    await spin(3)
    flush("drained", ts)

    print("-- arrivals while draining block, one of them cancelled")
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(party(n)) for n in ("p", "q")]
    await spin(1)
    flush("tripped", ts)
    ts += [asyncio.create_task(party(n)) for n in ("r", "s", "t")]
    await spin(1)
    flush("r s t arrive while draining", ts)
    ts[3].cancel("blocked")
    await spin(1)
    flush("s cancelled", ts)
    await spin(4)
    flush("settled", ts)
    ts.append(asyncio.create_task(party("u")))
    await spin(4)
    flush("u arrives", ts)

    print("-- abort while parties drain")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(n)) for n in ("x", "y")]
    await spin(1)
    ts.append(asyncio.create_task(party("z")))
    ab = asyncio.create_task(b.abort())
    await spin(1)
    flush("z tripped the barrier, abort queued on the lock", ts + [ab])
    await spin(4)
    flush("after", ts + [ab])
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("late wait:", str(e))

    print("-- reset of a broken barrier with parties inside")
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(n)) for n in ("k", "l")]
    await spin(1)
    await b.abort()
    flush("aborted, k and l not yet run", ts)
    await b.reset()
    flush("reset at once", ts)
    await spin(3)
    flush("after", ts)
    ts = [asyncio.create_task(party(n)) for n in ("m", "n", "o")]
    await spin(3)
    flush("new generation", ts)

    print("-- reset while the tripping party's peers have not run")
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(party("e"))]
    await spin(1)
    ts.append(asyncio.create_task(party("f")))
    rs = asyncio.create_task(b.reset())
    await spin(1)
    flush("f tripped, reset pending", ts + [rs])
    await spin(4)
    flush("after", ts + [rs])

    print("-- wait() under wait_for() timing out")
    b = asyncio.Barrier(2)
    async def timed(name, t):
        try:
            i = await asyncio.wait_for(b.wait(), t)
            log.append(("timed pass", name, i))
            return i
        except TimeoutError:
            log.append(("timed out", name, b.n_waiting))
            return "T"
    ts = [asyncio.create_task(timed("g", 0.05))]
    await asyncio.sleep(0.3)
    flush("g timed out", ts)
    ts.append(asyncio.create_task(timed("h", 10)))
    ts.append(asyncio.create_task(timed("i", 10)))
    await spin(6)
    flush("h and i pass", ts)

    print("-- parties=1 never blocks, but a draining barrier blocks it")
    b = asyncio.Barrier(1)
    ts = [asyncio.create_task(party(n)) for n in ("v", "w")]
    await spin(3)
    flush("both passed", ts)
    print("indices", [await b.wait() for _ in range(3)], r(b))

asyncio.run(main())
