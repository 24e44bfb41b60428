import asyncio

# Queue and Semaphore operations under wait_for() and timeout(): a timeout <= 0 cancels the
# operation's task before its first step, so wait_for(q.get(), 0) raises TimeoutError even with
# an item queued (the item stays), and so do put() on a queue with room, join() on a finished
# queue and acquire() on a free semaphore; a timeout(0) block runs get_nowait-like operations
# that do not suspend to completion; timed-out getters, putters and acquirers leave no waiter
# behind (str() at each point) and the next item, slot or unit goes to the next waiter in line.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def attempt(label, make, timeout):
    try:
        res = await asyncio.wait_for(make(), timeout)
        print(" ", label, "->", repr(res))
    except TimeoutError:
        print(" ", label, "-> TimeoutError")
    except asyncio.QueueEmpty:
        print(" ", label, "-> QueueEmpty")

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def main():
    print("-- timeout <= 0")
    q = asyncio.Queue(2)
    q.put_nowait("a")
    for t in (0, -1, -0.5):
        await attempt(f"get t={t}", q.get, t)
        print("   ", str(q))
    await attempt("put t=0", lambda: q.put("b"), 0)
    print("   ", str(q))
    await attempt("join t=0 unfinished", q.join, 0)
    q.get_nowait()
    q.task_done()
    await attempt("join t=0 finished", q.join, 0)
    sem = asyncio.Semaphore(2)
    await attempt("acquire t=0", sem.acquire, 0)
    print("   ", r(sem), sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await attempt("bounded acquire t=0", bs.acquire, 0)
    try:
        bs.release()
    except ValueError as e:
        print("  ValueError", e, r(bs))

    print("-- timeout(0) blocks")
    q.put_nowait("x")
    for label in ("item there", "empty"):
        try:
            async with asyncio.timeout(0) as cm:
                v = await q.get()
                print(" ", label, "got", repr(v), cm.expired())
                await asyncio.sleep(0)
                print(" ", label, "not reached")
        except TimeoutError:
            print(" ", label, "TimeoutError", str(q), cm.expired())

    print("-- timed-out waiters leave")
    q = asyncio.Queue(1)
    waiter = asyncio.create_task(q.get(), name="plain")
    await spin(1)
    print("  plain getter waits", str(q))
    await attempt("get t=0.01", q.get, 0.01)
    print("   ", str(q))
    q.put_nowait(1)
    print("  put 1", str(q))
    await spin(1)
    print("  plain got", waiter.result(), str(q))
    q.put_nowait(2)
    putter = asyncio.create_task(q.put(3))
    await spin(1)
    print("  plain putter waits", str(q))
    await attempt("put t=0.01", lambda: q.put(4), 0.01)
    print("   ", str(q))
    print("  get", q.get_nowait(), str(q))
    await spin(1)
    print("  putter done", putter.done(), str(q))
    await attempt("get t=1 with item", q.get, 1)
    print("   ", str(q))

    print("-- timed-out acquirers")
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    holder = asyncio.create_task(sem.acquire())
    await spin(1)
    print(" ", r(sem))
    await attempt("acquire t=0.01", sem.acquire, 0.01)
    print("   ", r(sem), sem.locked())
    sem.release()
    print("  released", r(sem), holder.done())
    await spin(1)
    print("  holder", holder.result(), r(sem))
    sem.release()
    await attempt("acquire t=0.01 free", sem.acquire, 0.01)
    print("   ", r(sem))

    print("-- join under wait_for")
    q = asyncio.Queue()
    q.put_nowait("j")
    await attempt("join t=0.01", q.join, 0.01)
    print("   ", str(q))
    async def finisher():
        await asyncio.sleep(0.005)
        q.get_nowait()
        q.task_done()
        print("  finisher done", str(q))
    f = asyncio.create_task(finisher())
    await attempt("join t=1", q.join, 1)
    await f

asyncio.run(main())
