import asyncio

# Several waiters woken in one iteration, and the first of them to run cancels the others
# before they run (a peer's step in the middle of the iteration): Semaphore(0) released three
# times (the cancelled ones give their units back, which go to the waiters still in line or to
# the counter), Event.set() (the cancelled ones lose their True), Condition.notify(3) (the
# first re-acquires, the cancelled ones re-acquire the lock in turn before raising), a Queue
# fed three items (the cancelled getters leave the items to the getters still in line), a full
# Queue drained of three items (slots for the putters behind), Barrier tripping (a cancelled
# party raises CancelledError though the barrier passed), and join() (the cancelled joiners
# raise CancelledError though the count reached zero). The saboteur either cancels the others
# and goes on, or cancels them and then itself (cancel() of the running task). Outsiders wait
# in line behind. Every task's outcome and the primitive's state per step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return repr(t.result())

log = []
tasks = {}

async def worker(kind, p, name, victims, selfcancel):
    try:
        if kind == "sem":
            await p.acquire()
        elif kind == "event":
            await p.wait()
        elif kind == "cond":
            await p.acquire()
            try:
                await p.wait()
            except asyncio.CancelledError:
                log.append((name, "wait raised, lock held", p.locked()))
                p.release()
                raise
        elif kind == "barrier":
            v = await p.wait()
            log.append((name, "index", v))
        elif kind == "get":
            v = await p.get()
            log.append((name, "item", v))
        elif kind == "put":
            await p.put(name)
        elif kind == "join":
            await p.join()
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    log.append((name, "woke"))
    for v in victims:
        log.append((name, "cancels", v, tasks[v].cancel("by " + name)))
    if selfcancel:
        log.append((name, "cancels itself", asyncio.current_task().cancel("self")))
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        log.append((name, "cancelled after", e.args))
        if kind in ("sem",):
            p.release()
        elif kind == "cond":
            p.release()
        raise
    if kind in ("sem", "cond"):
        p.release()
        log.append((name, "released"))
    return name

async def scenario(kind, selfcancel):
    log.clear()
    tasks.clear()
    if kind == "sem":
        p = asyncio.Semaphore(0)
    elif kind == "event":
        p = asyncio.Event()
    elif kind == "cond":
        p = asyncio.Condition()
    elif kind == "barrier":
        p = asyncio.Barrier(4)
    elif kind == "get":
        p = asyncio.Queue()
    elif kind == "put":
        p = asyncio.Queue(3)
        for x in "abc":
            p.put_nowait(x)
    elif kind == "join":
        p = asyncio.Queue()
        p.put_nowait("j")
        p.get_nowait()
    names = ["a", "b", "c", "o1", "o2"]
    if kind == "barrier":
        names = ["a", "b", "c"]
    for n in names:
        victims = ["b", "c"] if n == "a" else []
        tasks[n] = asyncio.create_task(worker(kind, p, n, victims, selfcancel and n == "a"))
        await asyncio.sleep(0)
    state = (lambda: str(p)) if kind in ("get", "put", "join") else (lambda: r(p))

    def show(tag):
        print("   ", tag, *log, "|", state(), *["%s=%s" % (n, st(t)) for n, t in tasks.items()])
        log.clear()

    show("waiting")
    if kind == "sem":
        for _ in range(3):
            p.release()
    elif kind == "event":
        p.set()
    elif kind == "cond":
        await p.acquire()
        p.notify(3)
        p.release()
    elif kind == "barrier":
        log.append(("main index", await p.wait()))
    elif kind == "get":
        for x in (1, 2, 3):
            p.put_nowait(x)
    elif kind == "put":
        log.append(("main took", [p.get_nowait() for _ in range(3)]))
    elif kind == "join":
        p.task_done()
    show("woken")
    for i in range(7):
        await asyncio.sleep(0)
        show("step%d" % i)
    for t in tasks.values():
        t.cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    show("end")

async def main():
    for selfcancel in (False, True):
        for kind in ("sem", "event", "cond", "barrier", "get", "put", "join"):
            print("--", kind, "self-cancel" if selfcancel else "")
            await scenario(kind, selfcancel)

asyncio.run(main())
