import asyncio

# The primitives' and queues' coroutines are lazy: lock.acquire(), sem.acquire(), ev.wait(),
# cond.wait(), barrier.wait(), q.get(), q.put() and q.join() do nothing until their first step,
# so the state when they run decides, not the state when they were created. Coroutines made
# while they would not block run when they must (and wait), others made while they would block
# run after the state changed (and do not wait); tasks started in the reverse of creation order
# line up in the order of their first steps; a task cancelled before its first step never
# touches the primitive (no waiter, no unit, no item taken); cond.wait() made while the lock
# was held but first run after it was released raises RuntimeError then; wait_for(coro, 0)
# never starts it. Per step: who got what, and the reprs.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__ + "(" + repr(str(t.exception())) + ")"
    return repr(t.result())

log = []

async def run(name, c):
    try:
        v = await c
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    except asyncio.TimeoutError:
        log.append((name, "TimeoutError"))
        return "timeout"
    log.append((name, "->", v))
    return v

async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    ev.set()
    cond = asyncio.Condition()
    b = asyncio.Barrier(2)
    q = asyncio.Queue(1)

    print("-- made while nothing would block")
    coros = [("a1", lock.acquire()), ("a2", lock.acquire()), ("a3", lock.acquire()),
             ("s1", sem.acquire()), ("s2", sem.acquire()), ("s3", sem.acquire()),
             ("e1", ev.wait()), ("p1", q.put("x")), ("p2", q.put("y")), ("j1", q.join())]
    print("  ", r(lock), r(sem), r(ev), str(q))
    ev.clear()
    ts = {}
    for name, c in reversed(coros):
        ts[name] = asyncio.create_task(run(name, c), name=name)
    ts["a2"].cancel("before start")
    ts["s3"].cancel("before start")

    def show(tag):
        print("  ", tag, *log, "|", r(lock), r(sem), r(ev), str(q))
        print("     ", *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()

    for i in range(3):
        await asyncio.sleep(0)
        show("step%d" % i)
    lock.release()
    sem.release()
    ev.set()
    log.append(("main got", q.get_nowait()))
    q.task_done()
    show("released, set, took one")
    for i in range(3):
        await asyncio.sleep(0)
        show("step%d" % i)
    for t in ts.values():
        t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    lock.release()

    print("-- made while everything would block")
    await lock.acquire()
    q = asyncio.Queue()
    q2 = asyncio.Queue(1)
    q2.put_nowait("full")
    ev.clear()
    sem = asyncio.Semaphore(0)
    coros = [("a1", lock.acquire()), ("s1", sem.acquire()), ("e1", ev.wait()),
             ("g1", q.get()), ("p1", q2.put("z")), ("b1", b.wait())]
    lock.release()
    sem.release()
    ev.set()
    q.put_nowait("item")
    log.append(("main got", q2.get_nowait()))
    await asyncio.sleep(0)
    ts = {}
    for name, c in coros:
        ts[name] = asyncio.create_task(run(name, c), name=name)
    for i in range(3):
        await asyncio.sleep(0)
        print("  ", "step%d" % i, *log, "|", r(lock), r(sem), r(ev), str(q), str(q2), r(b))
        print("     ", *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()
    log.append(("main index", await b.wait()))
    await asyncio.sleep(0)
    print("  ", "barrier", *log, "|", r(b), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
    log.clear()
    lock.release()

    print("-- cond.wait() made under the lock, first run without it")
    await cond.acquire()
    cw = cond.wait()
    cw2 = cond.wait()
    cond.release()
    t1 = asyncio.create_task(run("cw", cw))
    await asyncio.sleep(0)
    print("  ", *log, "|", r(cond), st(t1))
    log.clear()
    await cond.acquire()
    t2 = asyncio.create_task(run("cw2", cw2))
    await asyncio.sleep(0)
    print("   under the lock again", *log, "|", r(cond), st(t2))
    log.clear()
    await cond.acquire()  # cw2's wait() released it
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("   notified", *log, "|", r(cond), st(t2))
    log.clear()

    print("-- wait_for(coro, 0) never starts it; a positive timeout does")
    await lock.acquire()
    ts = {"w0": asyncio.create_task(run("w0", asyncio.wait_for(q.get(), 0))),
          "w1": asyncio.create_task(run("w1", asyncio.wait_for(lock.acquire(), 0))),
          "w2": asyncio.create_task(run("w2", asyncio.wait_for(q.get(), 10))),
          "w3": asyncio.create_task(run("w3", asyncio.wait_for(lock.acquire(), 10)))}
    q.put_nowait("one")
    for i in range(4):
        await asyncio.sleep(0)
        print("  ", "step%d" % i, *log, "|", r(lock), str(q), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()
    lock.release()
    for i in range(3):
        await asyncio.sleep(0)
    print("   released", *log, "|", r(lock), str(q), *["%s=%s" % (n, st(t)) for n, t in ts.items()])

asyncio.run(main())
