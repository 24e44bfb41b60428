import asyncio
import itertools

# Exhaustive short scripts over a Barrier(2), from the same start (one party waiting), then
# drained: every sequence of four operations from "arr" (another party arrives), "ab" (a task
# runs abort()), "rs" (a task runs reset()), "c0" / "cN" (cancel the oldest / newest task not
# done, with a message), "s" (one iteration). One line per script: the events in order (the
# index each party passed with, BrokenBarrierError and its message, CancelledError and its
# message, abort/reset done), then the state: the repr, n_waiting, broken and each task's fate.
log = []

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def party(b, name):
    try:
        i = await b.wait()
    except asyncio.BrokenBarrierError as e:
        log.append(name + ("!a" if str(e) == "Barrier aborted" else "!r"))
        return "broken"
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + "=" + str(i))
    return i

async def control(b, name, what):
    try:
        await (b.abort() if what == "ab" else b.reset())
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args))
        raise
    log.append(name + ("A" if what == "ab" else "R"))

def pending(ts):
    return [t for t in ts if not t.done()]

def flags(ts):
    return "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts)

async def run(seq):
    log.clear()
    b = asyncio.Barrier(2)
    ts = [asyncio.create_task(party(b, "t0"))]
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        name = "t%d" % len(ts)
        if op == "arr":
            ts.append(asyncio.create_task(party(b, name)))
        elif op in ("ab", "rs"):
            ts.append(asyncio.create_task(control(b, name, op)))
        elif op in ("c0", "cN"):
            pend = pending(ts)
            if pend:
                (pend[0] if op == "c0" else pend[-1]).cancel(str(i))
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(6):
        await asyncio.sleep(0)
    state = "%s %d %s" % (r(b), b.n_waiting, b.broken)
    print(" ".join(seq), "|", " ".join(log), "|", state, flags(ts))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)

async def main():
    for seq in itertools.product(("arr", "ab", "rs", "c0", "cN", "s"), repeat=4):
        await run(seq)

asyncio.run(main())
