import asyncio

# Semaphore: several waiters cancelled in the same iteration as release(). Units handed to
# woken waiters that are then cancelled come back and go to the next waiter whose future is not
# done (cancelled-but-not-yet-removed waiters are skipped); the counter never goes wrong.
# BoundedSemaphore over-release with units in flight.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    sem = None

    async def w(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            log.append(("cancelled", name))
            raise
        log.append(("got", name, sem.locked()))
        return name

    def flush(tag):
        print(tag, *log, r(sem), sem.locked())
        log.clear()

    def out(ts):
        return [t.result() if t.done() and not t.cancelled() else ("C" if t.cancelled() else "-") for t in ts]

    print("-- two releases, cancel both woken and two pending ones")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i)) for i in range(6)]
    await asyncio.sleep(0)
    sem.release()    # unit -> 0
    sem.release()    # unit -> 1
    for i in (0, 2, 3, 1):
        ts[i].cancel()
    print("in iteration", r(sem), sem.locked())
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("out", out(ts))
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    flush("tick3")
    print("out", out(ts))

    print("-- cancel first, then release in the same iteration")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[1].cancel()
    sem.release()   # skips 0 and 1 (cancelled futures), unit -> 2
    sem.release()   # unit -> 3
    sem.release()   # no live waiter: value 1
    print("in iteration", r(sem), sem.locked())
    late = asyncio.create_task(w("late"))   # waits: woken waiters are still listed
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("out", out(ts), late.done())

    print("-- release while value > 0 and a waiter is woken: the chain wake-up")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()      # -> 0
    ts[0].cancel()
    sem.release()      # -> 1
    sem.release()      # -> 2
    ts[2].cancel()
    print("in iteration", r(sem))
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("out", out(ts))

    print("-- BoundedSemaphore: units in flight count as taken")
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    await sem.acquire()
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()   # -> 0
    sem.release()   # -> 1
    ts[0].cancel()
    try:
        sem.release()
        print("third release accepted", r(sem))
    except ValueError as e:
        print("error", str(e), r(sem))
    await asyncio.sleep(0)
    flush("tick1")
    try:
        sem.release()
        print("release accepted", r(sem))
    except ValueError as e:
        print("error", str(e), r(sem))
    await asyncio.sleep(0)
    flush("tick2")
    print("out", out(ts))
    for _ in range(3):
        try:
            sem.release()
            print("release accepted", r(sem))
        except ValueError as e:
            print("error", str(e), r(sem))

    print("-- async with and cancellation inside the body releases the unit")
    sem = asyncio.Semaphore(1)
    async def body(name):
        async with sem:
            log.append(("in", name))
            await asyncio.sleep(0)
            log.append(("out", name))
    ts = [asyncio.create_task(body(i)) for i in range(3)]
    await asyncio.sleep(0)
    ts[0].cancel()   # inside the body
    ts[1].cancel()   # waiting
    await asyncio.sleep(0)
    flush("tick1")
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("end")
    print([type(x).__name__ for x in res])

asyncio.run(main())
