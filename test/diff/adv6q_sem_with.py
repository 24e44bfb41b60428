import asyncio

# `async with sem:` (sem.with() in aionode) at every point: entered at once, entered after a
# wait, woken and cancelled in the same iteration (the body never runs, the unit goes on),
# cancelled inside the body (the unit is released before the CancelledError leaves), a body
# that raises (released, the error propagates), a body that returns a value, nested entries on
# one Semaphore(2) (the inner one waits when the outer holds the last unit: a self-deadlock
# broken by a timeout), BoundedSemaphore released inside its own body (ValueError at the exit),
# and the value/locked()/repr seen from inside each body.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__ + ":" + str(t.exception())
    return "result " + repr(t.result())

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    log = []
    sem = None
    def flush(tag):
        print(tag, *log, "|", r(sem), sem.locked())
        log.clear()

    async def user(name, hold=1, fail=False):
        try:
            async with sem:
                log.append((name, "in", r(sem)))
                await spin(hold)
                if fail:
                    raise KeyError(name)
                log.append((name, "leaving"))
            log.append((name, "out", r(sem)))
            return name
        except asyncio.CancelledError:
            log.append((name, "cancelled", r(sem)))
            raise
        except KeyError as e:
            log.append((name, "raised", repr(e), r(sem)))
            raise

    print("-- a line of users")
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    ts = {n: asyncio.create_task(user(n, hold=2, fail=(n == "c"))) for n in "abcdef"}
    await spin(1)
    flush("all wait")
    ts["b"].cancel()
    sem.release()
    ts["a"].cancel()
    flush("b cancelled, released, a woken and cancelled")
    await spin(1)
    flush("tick1")
    await spin(1)
    flush("tick2")
    await spin(2)
    flush("tick4")
    await spin(1)
    ts["d"].cancel()
    flush("d cancelled inside")
    await spin(10)
    flush("all done")
    print("states", {n: state(t) for n, t in ts.items()})

    print("-- body raises")
    sem = asyncio.Semaphore(1)
    t = asyncio.create_task(user("x", fail=True))
    u = asyncio.create_task(user("y"))
    await spin(6)
    flush("after")
    print("states", state(t), state(u))

    print("-- nested on Semaphore(2)")
    sem = asyncio.Semaphore(2)
    async def nested(name, depth):
        async with sem:
            log.append((name, "depth", depth, r(sem)))
            if depth < 3:
                try:
                    await asyncio.wait_for(nested(name, depth + 1), 0.02)
                except TimeoutError:
                    log.append((name, "timeout at depth", depth + 1, r(sem)))
        return depth
    t = asyncio.create_task(nested("n", 1))
    await t
    flush("nested " + state(t))

    print("-- bounded released inside its body")
    sem = asyncio.BoundedSemaphore(1)
    async def bad():
        async with sem:
            sem.release()
            log.append(("released inside", r(sem)))
            await asyncio.sleep(0)
        log.append("bad left")
    t = asyncio.create_task(bad())
    w = asyncio.create_task(user("w"))
    await spin(5)
    flush("after " + state(t) + " " + state(w))

asyncio.run(main())
