import asyncio
import itertools

# Exhaustive short scripts over a Lock, a Semaphore(0) and a Queue(1): every sequence of four
# operations from a small alphabet, run from the same starting state (two waiters already in
# line), then drained. Lock/Semaphore: "new" (another task queues), "rel" (main releases:
# RuntimeError on a free lock), "c0" / "cN" (cancel the oldest / newest task not done, with a
# message), "s" (one loop iteration), "wf0" (a task doing wait_for(acquire(), 0)), "sh" (a task
# doing shield(acquire())). Queue: "put"/"get" (put_nowait/get_nowait from main:
# QueueFull/QueueEmpty), "ng"/"np" (a new getter / putter task), "nsg" (a getter through
# shield()), "c0", "cN", "s". One line per script: the events in order (who got the
# lock/unit/item, who was cancelled, with what message), then the final state.
# Woken-then-cancelled waiters, hand-overs and barging newcomers all show up somewhere in the
# product.
log = []
inners = []  # the tasks shield() protects, cancelled at the end of each script

async def locker(p, name):
    try:
        await p.acquire()
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + "+")
    try:
        await asyncio.sleep(0)
    finally:
        p.release()
        log.append(name + "-")
    return name

async def wrapped(p, name, how):
    # wait_for(acquire(), 0) never runs the acquire; shield(acquire()) cancelled from outside
    # leaves the inner acquire to take the lock (or unit) for nobody
    try:
        if how == "wf0":
            await asyncio.wait_for(p.acquire(), 0)
        else:
            inner = asyncio.ensure_future(p.acquire())
            inners.append(inner)
            await asyncio.shield(inner)
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    except TimeoutError:
        log.append(name + "T")
        return "T"
    log.append(name + "+")
    try:
        await asyncio.sleep(0)
    finally:
        p.release()
        log.append(name + "-")
    return name

async def getter(q, name, shielded=False):
    try:
        if shielded:
            inner = asyncio.ensure_future(q.get())
            inners.append(inner)
            v = await asyncio.shield(inner)
        else:
            v = await q.get()
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + "<" + v)
    return v

async def putter(q, name):
    try:
        await q.put(name)
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + ">")
    return name

def pending(ts):
    return [t for t in ts if not t.done()]

async def run_lock(kind, seq):
    log.clear()
    if kind == "lock":
        p = asyncio.Lock()
        await p.acquire()
    else:
        p = asyncio.Semaphore(0)
    ts = []
    n = 0

    def new():
        nonlocal n
        ts.append(asyncio.create_task(locker(p, "t%d" % n)))
        n += 1

    new()
    new()
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "new":
            new()
        elif op in ("wf0", "sh"):
            ts.append(asyncio.create_task(wrapped(p, "t%d" % n, op)))
            n += 1
        elif op == "rel":
            try:
                p.release()
                log.append("R")
            except RuntimeError:
                log.append("R!")
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(6):
        await asyncio.sleep(0)
    # drain: release until every task has had its turn
    for _ in range(8):
        if not pending(ts):
            break
        if kind == "lock":
            if not p.locked():
                await asyncio.sleep(0)
                continue
            p.release()
            log.append("R")
        else:
            p.release()
            log.append("R")
        for _ in range(3):
            await asyncio.sleep(0)
    state = repr(p)
    state = "<" + type(p).__name__ + " " + state[state.index("["):]
    print(" ".join(seq), "|", " ".join(log), "|", state, "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts))
    for t in ts + inners:
        t.cancel()
    await asyncio.gather(*ts, *inners, return_exceptions=True)
    inners.clear()

async def run_queue(seq):
    log.clear()
    q = asyncio.Queue(1)
    ts = []
    n = [0]

    def new(fn):
        ts.append(asyncio.create_task(fn(q, "t%d" % n[0])))
        n[0] += 1

    new(getter)
    new(getter)
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "put":
            try:
                q.put_nowait("m%d" % i)
                log.append("P")
            except asyncio.QueueFull:
                log.append("P!")
        elif op == "get":
            try:
                log.append("G" + q.get_nowait())
            except asyncio.QueueEmpty:
                log.append("G!")
        elif op == "ng":
            new(getter)
        elif op == "nsg":
            ts.append(asyncio.create_task(getter(q, "t%d" % n[0], True)))
            n[0] += 1
        elif op == "np":
            new(putter)
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(6):
        await asyncio.sleep(0)
    print(" ".join(seq), "|", " ".join(log), "|", str(q), "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts))
    for t in ts + inners:
        t.cancel()
    await asyncio.gather(*ts, *inners, return_exceptions=True)
    inners.clear()

async def main():
    for kind in ("lock", "sem"):
        print("--", kind)
        for seq in itertools.product(("new", "rel", "c0", "cN", "s", "wf0", "sh"), repeat=4):
            await run_lock(kind, seq)
    print("-- queue")
    for seq in itertools.product(("put", "get", "ng", "np", "nsg", "c0", "cN", "s"), repeat=4):
        await run_queue(seq)

asyncio.run(main())
