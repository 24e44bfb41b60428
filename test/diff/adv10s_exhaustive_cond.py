import asyncio
import itertools

# Exhaustive short scripts over a Condition and an Event: every sequence of four operations
# from a small alphabet, from the same start (two waiters already waiting), then drained with
# notify_all() / set(). Condition: "new" (another waiter), "n1" (main takes the lock if it is
# free and nobody woken is in line, notify(1), releases), "h" (main takes the lock and keeps
# it, or gives it back: waiters re-acquiring queue behind it), "c0" / "cN" (cancel the oldest /
# newest task not done), "s" (one iteration). Event: "new", "set", "clr", "c0", "cN", "s". One
# line per script: the events (notified, took the lock back, cancelled with which message and
# whether the lock was held when the CancelledError arrived), then the final state.
log = []

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def cwaiter(cond, name):
    await cond.acquire()
    try:
        try:
            await cond.wait()
        except asyncio.CancelledError as e:
            log.append(name + "x" + "".join(e.args) + ("L" if cond.locked() else "u"))
            raise
        log.append(name + "+")
        await asyncio.sleep(0)
        log.append(name + "-")
    finally:
        cond.release()
    return name

async def ewaiter(ev, name):
    try:
        await ev.wait()
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + ("+" if ev.is_set() else "+c"))
    return name

def pending(ts):
    return [t for t in ts if not t.done()]

def flags(ts):
    return "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts)

async def run_cond(seq):
    log.clear()
    cond = asyncio.Condition()
    ts = []
    held = [False]

    def new():
        ts.append(asyncio.create_task(cwaiter(cond, "t%d" % len(ts))))

    new()
    new()
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "new":
            new()
        elif op == "n1":
            if held[0]:
                cond.notify(1)
                log.append("N")
            elif not cond.locked():
                await cond.acquire()
                cond.notify(1)
                cond.release()
                log.append("N")
            else:
                log.append("N!")
        elif op == "h":
            if held[0]:
                cond.release()
                held[0] = False
                log.append("H-")
            else:
                await cond.acquire()
                held[0] = True
                log.append("H+")
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    if held[0]:
        cond.release()
        log.append("H-")
    for _ in range(6):
        await asyncio.sleep(0)
    if pending(ts):
        async with cond:
            cond.notify_all()
        log.append("A")
        for _ in range(14):
            await asyncio.sleep(0)
    print(" ".join(seq), "|", " ".join(log), "|", r(cond), flags(ts))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)

async def run_event(seq):
    log.clear()
    ev = asyncio.Event()
    ts = []

    def new():
        ts.append(asyncio.create_task(ewaiter(ev, "t%d" % len(ts))))

    new()
    new()
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "new":
            new()
        elif op == "set":
            ev.set()
            log.append("S")
        elif op == "clr":
            ev.clear()
            log.append("K")
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(4):
        await asyncio.sleep(0)
    if pending(ts):
        ev.set()
        log.append("S")
        for _ in range(3):
            await asyncio.sleep(0)
    print(" ".join(seq), "|", " ".join(log), "|", r(ev), flags(ts))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)

async def main():
    print("-- condition")
    for seq in itertools.product(("new", "n1", "h", "c0", "cN", "s"), repeat=4):
        await run_cond(seq)
    print("-- event")
    for seq in itertools.product(("new", "set", "clr", "c0", "cN", "s"), repeat=4):
        await run_event(seq)

asyncio.run(main())
