import asyncio
import itertools

# Exhaustive short scripts over `async with` on a Lock, a Semaphore(1) and a BoundedSemaphore(1)
# held by main, with two tasks already waiting to enter: every sequence of four operations from
# "new" (another task waits to enter), "rel" (main releases: RuntimeError on a free lock,
# ValueError past the bound), "c0" / "cN" (cancel the oldest / newest task not done, with a
# message), "s" (one iteration), then twelve iterations. Each task's body takes one iteration;
# a task cancelled while waiting to enter never runs the body, one cancelled inside it leaves
# with the lock or unit released. One line per script: entries (+), exits (-), cancellations
# inside (X) and while entering (x) with their messages, then the state and each task's fate.
log = []

async def user(p, name):
    try:
        async with p:
            log.append(name + "+")
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError as e:
                log.append(name + "X" + "".join(e.args))
                raise
            log.append(name + "-")
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    return name

def pending(ts):
    return [t for t in ts if not t.done()]

async def run(kind, seq):
    log.clear()
    if kind == "lock":
        p = asyncio.Lock()
    elif kind == "sem":
        p = asyncio.Semaphore(1)
    else:
        p = asyncio.BoundedSemaphore(1)
    await p.acquire()
    ts = []

    def new():
        ts.append(asyncio.create_task(user(p, "t%d" % len(ts))))

    new()
    new()
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "new":
            new()
        elif op == "rel":
            try:
                p.release()
                log.append("R")
            except RuntimeError:
                log.append("R!R")
            except ValueError:
                log.append("R!V")
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(12):
        await asyncio.sleep(0)
    state = repr(p)
    state = "<" + type(p).__name__ + " " + state[state.index("["):]
    print(" ".join(seq), "|", " ".join(log), "|", state, "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)

async def main():
    for kind in ("lock", "sem", "bsem"):
        print("--", kind)
        for seq in itertools.product(("new", "rel", "c0", "cN", "s"), repeat=4):
            await run(kind, seq)

asyncio.run(main())
