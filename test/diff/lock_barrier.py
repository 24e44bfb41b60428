import asyncio

# Barrier phases: filling (n_waiting counts up), draining (the last party trips it; the others
# wake with their index; new arrivals block until the drain ends), back to filling; several
# rounds; parties=1; async with barrier as i; cancelling a waiting party.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    b = asyncio.Barrier(3)
    print("initial", r(b), b.parties, b.n_waiting, b.broken)

    async def party(name, rounds):
        out = []
        for k in range(rounds):
            i = await b.wait()
            print("pass", name, "round", k, "index", i, r(b))
            out.append(i)
        return out

    ts = [asyncio.create_task(party(n, 3)) for n in "abc"]
    for step in range(4):
        await asyncio.sleep(0)
        print("step", step, r(b), b.n_waiting)
    res = await asyncio.gather(*ts)
    print("indices", res, r(b))

    print("-- filling one by one")
    t1 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("one", b.n_waiting, r(b))
    t2 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("two", b.n_waiting, r(b))
    t3 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("tripped", r(b), [t.done() for t in (t1, t2, t3)])
    await asyncio.wait([t1, t2, t3])
    print("results", [t.result() for t in (t1, t2, t3)], r(b))

    print("-- arrivals during draining wait for the next round")
    log = []
    async def p2(name):
        i = await b.wait()
        log.append((name, "first", i))
        i = await b.wait()
        log.append((name, "second", i))
    ps = [asyncio.create_task(p2(n)) for n in "xyz"]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("draining?", r(b))
    await asyncio.gather(*ps)
    for e in log:
        print(*e)
    print("after", r(b))

    print("-- async with barrier as i, parties=1")
    one = asyncio.Barrier(1)
    async def solo():
        async with one as i:
            return ("solo", i, r(one))
    print(await solo(), await solo(), r(one))

    print("-- a waiting party cancelled")
    b = asyncio.Barrier(3)
    done = []
    async def c(name):
        await b.wait()
        done.append(name)
    t1 = asyncio.create_task(c("t1"))
    await asyncio.sleep(0)
    t2 = asyncio.create_task(c("t2"))
    await asyncio.sleep(0)
    print("waiting", b.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("after cancel", b.n_waiting, r(b))
    await asyncio.gather(t1, return_exceptions=True)
    print("t1 cancelled", t1.cancelled())
    t3 = asyncio.create_task(c("t3"))
    await asyncio.sleep(0)
    print("refill", b.n_waiting)
    t4 = asyncio.create_task(c("t4"))
    await asyncio.gather(t2, t3, t4)
    print("done", done, r(b), b.broken)

asyncio.run(main())
