import asyncio

# Semaphore release ordering among cancelled acquirers: several releases in one iteration with
# woken and unwoken waiters cancelled before and after the releases, units passed on by woken
# waiters that are cancelled, newcomers arriving while units are in flight, the reprs
# ([locked, waiters:N] / [unlocked, value:N, waiters:N]) at each point, BoundedSemaphore with
# cancelled waiters and its ValueError, and with() bodies cancelled while holding a unit.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    sem = None

    async def w(name, hold=0):
        try:
            await sem.acquire()
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, e.args))
            raise
        log.append(("got", name))
        try:
            for _ in range(hold):
                await asyncio.sleep(0)
        finally:
            sem.release()
            log.append(("released", name))
        return name

    def flush(tag):
        print(tag, *log, "|", r(sem), sem.locked())
        log.clear()

    async def spin(k):
        for _ in range(k):
            await asyncio.sleep(0)

    def states(ts):
        return [("C" if t.cancelled() else repr(t.exception()) if t.exception() else t.result()) if t.done() else "P" for t in ts]

    print("-- three releases, cancellations around them")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i, hold=1)) for i in range(7)]
    await spin(1)
    flush("seven waiting")
    ts[1].cancel("b1")
    sem.release()
    sem.release()
    ts[0].cancel("a0")
    sem.release()
    ts[3].cancel("a3")
    flush("released 3, cancelled 1 before, 0 and 3 after")
    n = asyncio.create_task(w("new", hold=1))
    await spin(1)
    flush("tick1")
    await spin(1)
    flush("tick2")
    await spin(3)
    flush("tick5")
    print("states", states(ts), states([n]))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    flush("cleanup")

    print("-- every woken waiter cancelled")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await spin(1)
    sem.release()
    sem.release()
    ts[0].cancel()
    ts[1].cancel()
    flush("two units, both woken cancelled")
    await spin(1)
    flush("tick1")
    await spin(2)
    flush("tick3")
    print("states", states(ts))

    print("-- bounded with cancelled waiters")
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await spin(1)
    ts[0].cancel()
    sem.release()
    flush("released with first waiter cancelled")
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", str(e), r(sem))
    await spin(3)
    flush("after")
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", str(e), r(sem))
    print("states", states(ts))

    print("-- with() bodies cancelled while holding")
    sem = asyncio.Semaphore(1)
    async def body(name):
        try:
            async with sem:
                log.append(("in", name, r(sem)))
                await asyncio.sleep(0)
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            log.append(("out cancelled", name, r(sem)))
            raise
        return name
    ts = [asyncio.create_task(body(i)) for i in range(4)]
    await spin(1)
    flush("first inside")
    ts[0].cancel()
    ts[1].cancel()
    await spin(1)
    flush("holder and first waiter cancelled")
    await spin(4)
    flush("after")
    print("states", states(ts))

asyncio.run(main())
