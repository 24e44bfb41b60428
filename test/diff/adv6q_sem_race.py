import asyncio
import time

# Semaphore fairness when a release and an acquire race in one iteration: a release() from a
# timer callback and a task whose sleep ends in the same iteration and then acquires (both
# orders): the unit goes to the waiter already in line, the newcomer queues even though it runs
# first; a woken waiter cancelled in that same iteration gives its unit back to whoever is in
# line by then (or to the counter); a task created in the release callback; BoundedSemaphore
# over-released from callbacks (ValueError caught there) while units are in flight; and an
# iteration counter (a call_soon ticker) to date each event.
def block(s):
    time.sleep(s)

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

tick = 0
ticking = False

def ticker(loop):
    global tick
    tick += 1
    if ticking:
        loop.call_soon(ticker, loop)

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    global ticking, tick
    loop = asyncio.get_running_loop()
    sem = None

    def ev(*a):
        print("   t%d" % tick, *a, r(sem))

    async def acq(name, delay=None, hold=1):
        if delay is not None:
            await asyncio.sleep(delay)
            ev(name, "wakes, locked()", sem.locked())
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            ev(name, "cancelled")
            raise
        ev(name, "acquired")
        await spin(hold)
        try:
            sem.release()
            ev(name, "released")
        except ValueError as e:
            ev(name, "release ValueError", str(e))

    def release(tag):
        try:
            sem.release()
            ev("release", tag)
        except ValueError as e:
            ev("release", tag, "ValueError", str(e))

    async def run(title, setup, bound=False, value=1, pre=1):
        global ticking, tick
        nonlocal sem
        print("--", title)
        sem = (asyncio.BoundedSemaphore if bound else asyncio.Semaphore)(value)
        for _ in range(pre):
            await sem.acquire()
        tick = 0
        ticking = True
        loop.call_soon(ticker, loop)
        ts = setup(loop.time())
        await spin(1)
        ev("blocking")
        block(0.5)
        while not all(t.done() for t in ts):
            await asyncio.sleep(0)
        ticking = False
        await spin(2)
        print("   end", r(sem), sem.locked(), [("C" if t.cancelled() else "ok") for t in ts])

    def s1(first):
        def setup(now):
            a = asyncio.create_task(acq("A"))
            b = asyncio.create_task(acq("B", delay=(0.3 if first == "release" else 0.1)))
            loop.call_at(now + (0.2 if first == "release" else 0.3), release, "main's")
            return [a, b]
        return setup
    await run("waiter in line, release then newcomer", s1("release"))
    await run("waiter in line, newcomer then release", s1("newcomer"))

    def s2(order):
        def setup(now):
            a = asyncio.create_task(acq("A"))
            b = asyncio.create_task(acq("B", delay=order[0]))
            loop.call_at(now + order[1], release, "main's")
            loop.call_at(now + order[2], lambda: ev("cancel A", a.cancel()))
            return [a, b]
        return setup
    await run("release, newcomer, cancel woken", s2((0.2, 0.1, 0.3)))
    await run("newcomer, release, cancel woken", s2((0.1, 0.2, 0.3)))
    await run("cancel waiter, release, newcomer", s2((0.3, 0.2, 0.1)))

    def s3(now):
        ts = []
        def rel_and_spawn():
            release("spawning")
            ts.append(asyncio.create_task(acq("C")))
            ev("C created")
        b = asyncio.create_task(acq("B", delay=0.2))
        loop.call_at(now + 0.1, rel_and_spawn)
        ts.append(b)
        return ts
    await run("no waiter, release spawns C, newcomer B same iteration", s3)

    def s4(now):
        a = asyncio.create_task(acq("A", hold=2))
        b = asyncio.create_task(acq("B", hold=2))
        loop.call_at(now + 0.1, release, "1")
        loop.call_at(now + 0.2, release, "2")
        loop.call_at(now + 0.3, release, "3")
        return [a, b]
    await run("bounded(2): three releases in one iteration", s4, bound=True, value=2, pre=2)

asyncio.run(main())
