import asyncio

# Deterministic pseudo-random stress of Semaphore and BoundedSemaphore (Park-Miller generator):
# acquirer tasks (acquire()/release() in try/finally, or `async with`) holding for a few
# iterations, release() from the main task (a BoundedSemaphore may raise ValueError), the main
# task taking a unit when locked() says it can, cancellations of waiting, just-woken and holding
# tasks, and single loop iterations in between. Each step logs the operation, the events of the
# tasks that ran, the repr and locked(); the totals are checked at the end. Only release()
# checks a BoundedSemaphore's bound, against a counter that leaves out the units handed to
# woken waiters, so the counter can end above the initial value, as in asyncio 3.11.
seed = 987654
def rnd(n):
    global seed
    seed = seed * 48271 % 2147483647
    return seed % n

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def run(bounded, value, steps):
    sem = (asyncio.BoundedSemaphore if bounded else asyncio.Semaphore)(value)
    print("--", r(sem), "steps", steps)
    events = []
    tasks = []
    held = 0
    main_units = 0

    async def user(name, hold, style):
        nonlocal held
        try:
            if style == "with":
                async with sem:
                    held += 1
                    events.append(name + ":in")
                    try:
                        for _ in range(hold):
                            await asyncio.sleep(0)
                    finally:
                        held -= 1
                events.append(name + ":out")
            else:
                await sem.acquire()
                held += 1
                events.append(name + ":got")
                try:
                    for _ in range(hold):
                        await asyncio.sleep(0)
                finally:
                    held -= 1
                    try:
                        sem.release()
                        events.append(name + ":released")
                    except ValueError:
                        events.append(name + ":ValueError")
        except asyncio.CancelledError:
            events.append(name + ":cancelled")
            raise
        except ValueError:
            # `async with` on a BoundedSemaphore: the release at the exit failed (units in flight)
            events.append(name + ":ValueError at exit")
            return "V"

    for step in range(steps):
        op = rnd(10)
        if op < 3:
            name = "t%d" % len(tasks)
            tasks.append(asyncio.create_task(user(name, rnd(3), "with" if rnd(2) else "acq")))
            what = "spawn " + name
        elif op == 3:
            try:
                sem.release()
                what = "release"
            except ValueError as e:
                what = "release ValueError " + str(e)
        elif op == 4:
            live = [t for t in tasks if not t.done()]
            if live:
                t = live[rnd(len(live))]
                what = "cancel t%d -> %s" % (tasks.index(t), t.cancel())
            else:
                what = "cancel nothing"
        elif op == 5:
            if not sem.locked():
                await sem.acquire()
                main_units += 1
                what = "main took a unit"
            elif main_units:
                main_units -= 1
                sem.release()
                what = "main gave a unit back"
            else:
                what = "main skips"
        else:
            await asyncio.sleep(0)
            what = "tick"
        print(" %3d" % step, what, events, r(sem), sem.locked(), "held", held)
        events.clear()
    while main_units:
        main_units -= 1
        try:
            sem.release()
        except ValueError:
            print(" main's unit: ValueError")
    for t in tasks:
        if not t.done():
            t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(" end", events, r(sem), "held", held)
    print(" outcomes", "".join("C" if isinstance(x, asyncio.CancelledError) else "V" if x == "V" else "." for x in res))

async def main():
    await run(False, 1, 60)
    await run(False, 2, 60)
    await run(True, 2, 60)
    await run(True, 3, 80)

asyncio.run(main())
