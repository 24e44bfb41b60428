import asyncio

# Semaphore units in flight: a unit handed to a woken waiter is counted out of the value at once,
# a newcomer must queue while a woken (done, not cancelled) waiter is listed even if value > 0,
# the woken waiter passes a spare unit on when it runs, a woken waiter that catches its
# cancellation and acquires again goes to the back of the line (its unit goes to the next one),
# BoundedSemaphore over-release counted with units in flight, and `async with` bodies that fail
# or are cancelled give their unit back.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    sem = None

    async def w(name, retry=False, hold=0):
        while True:
            try:
                await sem.acquire()
                break
            except asyncio.CancelledError:
                log.append(("cancelled", name, r(sem)))
                if not retry:
                    raise
                retry = False
                asyncio.current_task().uncancel()
        log.append(("got", name, r(sem)))
        for _ in range(hold):
            await asyncio.sleep(0)
        return name

    def flush(tag):
        print(tag, *log, "|", r(sem), sem.locked())
        log.clear()

    print("-- value > 0 but a woken waiter is listed: newcomer queues")
    sem = asyncio.Semaphore(0)
    a = asyncio.create_task(w("A"))
    await asyncio.sleep(0)
    sem.release()          # unit to A (value 0)
    sem.release()          # value 1, nobody pending
    flush("two releases")
    n = asyncio.create_task(w("N"))
    await asyncio.sleep(0)  # N runs after A's wake-up? A's wake-up was scheduled first
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("results", a.result(), n.done() and n.result())

    print("-- newcomer steps before the woken waiter")
    sem = asyncio.Semaphore(0)
    a = asyncio.create_task(w("A"))
    await asyncio.sleep(0)
    n = asyncio.create_task(w("N"))   # its first step is queued before A's wake-up
    sem.release()
    sem.release()
    flush("released")
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("results", a.done(), n.done())

    print("-- woken waiter catches the cancellation and retries")
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(w(i, retry=(i == 0))) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()          # unit to 0
    ts[0].cancel("go away")
    flush("same iteration")
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    flush("tick3")
    print("results", [t.result() for t in ts], [t.cancelling() for t in ts])

    print("-- bounded: over-release counted with units in flight")
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    await sem.acquire()
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    sem.release()          # to 0: value 0 again
    sem.release()          # to 1
    flush("two released")
    try:
        sem.release()
        flush("third release accepted")
        sem.release()
        flush("fourth release accepted")
        sem.release()
        flush("fifth release accepted")
    except ValueError as e:
        print("ValueError", str(e), r(sem))
    ts[1].cancel()
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("states", [t.result() if not t.cancelled() else "C" for t in ts if t.done()], [t.done() for t in ts])
    for t in ts:
        if not t.done():
            t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    flush("cleanup")

    print("-- async with: failure and cancellation inside the body")
    sem = asyncio.Semaphore(2)
    async def body(name, mode):
        try:
            async with sem:
                log.append(("in", name, r(sem)))
                if mode == "raise":
                    raise KeyError(name)
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                log.append(("leaving", name))
        except KeyError as e:
            log.append(("KeyError", repr(e), r(sem)))
        except asyncio.CancelledError:
            log.append(("cancelled in body", name, r(sem)))
            raise
    ts = [asyncio.create_task(body(i, m)) for i, m in enumerate(["raise", "wait", "wait", "wait", "wait"])]
    await asyncio.sleep(0)
    flush("tick1")
    ts[1].cancel()
    ts[3].cancel()
    await asyncio.sleep(0)
    flush("tick2")
    await asyncio.sleep(0)
    flush("tick3")
    await asyncio.gather(*ts, return_exceptions=True)
    flush("end")
    print([("C" if t.cancelled() else t.result()) for t in ts])

asyncio.run(main())
