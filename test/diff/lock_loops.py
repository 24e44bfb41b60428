import asyncio

# Loop binding (asyncio's _LoopBoundMixin): a primitive binds to the loop that first makes a
# task wait on it; making a task wait from another loop is a RuntimeError "... is bound to a
# different event loop", raised at the call, and the primitive and the loop stay usable.
# Fast paths (no waiting) never bind and never fail.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def tail(e):
    s = str(e)
    return s[s.index("["):]

lock = asyncio.Lock()
ev = asyncio.Event()
sem = asyncio.Semaphore(1)
cond = asyncio.Condition()
barrier = asyncio.Barrier(2)

async def first():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())       # waits: binds the lock to this loop
    await asyncio.sleep(0)
    lock.release()
    await t
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    await w
    await sem.acquire()
    s = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    await s
    async with cond:
        c = asyncio.create_task(cond.acquire())
        await asyncio.sleep(0)
    await c
    cond.release()
    flag = []
    async def cond_waiter():
        async with cond:
            return await cond.wait_for(lambda: flag)   # waits: binds the condition
    cw = asyncio.create_task(cond_waiter())
    await asyncio.sleep(0)
    async with cond:
        flag.append(1)
        cond.notify()
    print("cond waiter", await cw)
    print("first loop", r(lock), r(ev), r(sem), r(cond), r(barrier))
    print("barrier", await asyncio.gather(barrier.wait(), barrier.wait()))

asyncio.run(first())

async def second():
    print("second loop", r(lock), r(ev), r(sem))
    # Fast paths do not look at the loop.
    lock.release()
    print("fast acquire", await lock.acquire(), "event set:", await ev.wait(), r(lock))
    try:
        await lock.acquire()
    except RuntimeError as e:
        print("Lock:", tail(e), r(lock))
    ev.clear()
    try:
        await ev.wait()
    except RuntimeError as e:
        print("Event:", tail(e), r(ev))
    try:
        await sem.acquire()
    except RuntimeError as e:
        print("Semaphore:", tail(e), r(sem))
    await cond.acquire()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("Condition:", tail(e), r(cond))
    cond.release()
    try:
        await barrier.wait()
    except RuntimeError as e:
        print("Barrier:", tail(e), r(barrier))
    # Everything is still consistent and the loop runs on.
    lock.release()
    sem.release()
    ev.set()
    print("after", r(lock), r(ev), r(sem), r(cond), r(barrier))
    print("loop still runs", await asyncio.sleep(0, "yes"))
    fresh = asyncio.Lock()
    async def holder():
        async with fresh:
            await asyncio.sleep(0)
            return "held"
    print("fresh lock", await asyncio.gather(holder(), holder()), r(fresh))

asyncio.run(second())
