import asyncio

# Barrier.wait() of one party cancelled at every point of a two-generation script: before its
# first step, while filling (its slot is given back), in the iteration the barrier trips (it
# still raises CancelledError while its peers pass), while it drains, while it is blocked
# waiting for the drain to end (a late arrival), and after it passed. Indices, n_waiting, the
# state and every task's outcome per step; the second generation fills with whoever is left.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    e = t.exception()
    return type(e).__name__ if e else t.result()

async def scenario(target, k):
    log = []
    b = asyncio.Barrier(3)

    async def party(name):
        try:
            i = await b.wait()
        except asyncio.CancelledError as e:
            log.append(("cancel", name, e.args, b.n_waiting))
            raise
        log.append(("pass", name, i))
        return "%s%d" % (name, i)

    ts = {}
    step = [0]

    def tick(what):
        if step[0] == k and target in ts:
            ts[target].cancel("k%d" % k)
            log.append(("cancel!", target))
        print(" ", step[0], what, *log, "|", r(b), b.n_waiting, *[n + ":" + str(st(t)) for n, t in ts.items()])
        log.clear()
        step[0] += 1

    for n in "AB":
        ts[n] = asyncio.create_task(party(n))
    tick("A B created")
    await asyncio.sleep(0)
    tick("A B waiting")
    ts["C"] = asyncio.create_task(party("C"))
    tick("C created")
    await asyncio.sleep(0)
    tick("C ran")
    ts["D"] = asyncio.create_task(party("D"))
    tick("D created")
    await asyncio.sleep(0)
    tick("step")
    ts["E"] = asyncio.create_task(party("E"))
    await asyncio.sleep(0)
    tick("E created, step")
    await asyncio.sleep(0)
    tick("step")
    ts["F"] = asyncio.create_task(party("F"))
    await asyncio.sleep(0)
    tick("F created, step")
    await asyncio.sleep(0)
    tick("step")
    ts["G"] = asyncio.create_task(party("G"))
    for i in range(3):
        await asyncio.sleep(0)
        tick("step")
    if b.n_waiting:
        await b.abort()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    print("  final", r(b), *[n + ":" + str(st(t)) for n, t in ts.items()])

async def main():
    for target in "ACD":
        for k in range(0, 12):
            print("-- target", target, "k", k)
            await scenario(target, k)

asyncio.run(main())
