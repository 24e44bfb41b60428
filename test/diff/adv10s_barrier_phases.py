import asyncio

# Barrier(3) driven through scripts that reach every phase and then abort(), reset(), cancel a
# party or time one out: parties filling, tripped but not yet run (draining), late arrivals
# blocked while it drains, resetting with parties inside, broken; abort() and reset() run as
# tasks of their own, after the woken parties when those were woken first (one is cancelled
# before it runs and never acts, abort and reset back to back in one step); a party cancelled
# in each phase (its slot and index are given back while filling, it raises CancelledError
# though the barrier passed while draining); wait_for(b.wait(), 0) never arrives; the indices
# handed out, the BrokenBarrierError messages, n_waiting, broken and the repr after every
# operation.
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

async def party(b, name, timeout):
    try:
        if timeout is None:
            i = await b.wait()
        else:
            i = await asyncio.wait_for(b.wait(), timeout)
        log.append((name, "passed", i))
        return i
    except asyncio.BrokenBarrierError as e:
        log.append((name, "broken", str(e)))
        return "broken"
    except asyncio.TimeoutError:
        log.append((name, "timeout"))
        return "timeout"
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise

async def control(b, name, what):
    try:
        await (b.abort() if what == "abort" else b.reset())
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    log.append((name, what + " done", r(b)))
    return what

async def scenario(script):
    log.clear()
    b = asyncio.Barrier(3)
    ts = {}

    def show(tag):
        print("   ", tag, *log, "|", r(b), b.n_waiting, b.broken, *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()

    for op in script:
        kind = op[0]
        if kind == "arrive":
            ts[op[1]] = asyncio.create_task(party(b, op[1], op[2] if len(op) > 2 else None))
        elif kind in ("abort", "reset"):
            ts[op[1]] = asyncio.create_task(control(b, op[1], kind))
        elif kind == "cancel":
            log.append(("cancel", op[1], ts[op[1]].cancel(op[2])))
        elif kind == "step":
            for _ in range(op[1]):
                await asyncio.sleep(0)
        show(" ".join(str(x) for x in op))
    for i in range(8):
        await asyncio.sleep(0)
        if log:
            show("drain%d" % i)
    for t in ts.values():
        t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    show("end")

SCRIPTS = [
    # reset while filling: the waiting parties break, the barrier goes back to filling
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("reset", "R"), ("step", 1),
     ("arrive", "c"), ("arrive", "d"), ("arrive", "e"), ("step", 3)],
    # abort while filling, a late arrival, then reset and a full round
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("abort", "A"), ("step", 1),
     ("arrive", "c"), ("step", 1), ("reset", "R"), ("step", 1),
     ("arrive", "d"), ("arrive", "e"), ("arrive", "f"), ("step", 3)],
    # tripped, abort before the woken parties run: abort queues behind them for the lock
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("step", 1), ("abort", "A"), ("step", 1)],
    # tripped, reset before the woken parties run
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("step", 1), ("reset", "R"), ("step", 1)],
    # tripped, a woken party cancelled before it runs
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("step", 1), ("cancel", "a", "m"), ("step", 1)],
    # a late arrival blocked while the barrier drains, then reset while it is blocked
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("step", 1), ("arrive", "d"),
     ("reset", "R"), ("step", 2), ("arrive", "e"), ("arrive", "f"), ("step", 3)],
    # a party cancelled while filling gives its index back
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("cancel", "b", "x"), ("step", 2),
     ("arrive", "c"), ("arrive", "d"), ("step", 3)],
    # reset and a cancel of a waiting party in the same step
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("reset", "R"), ("cancel", "a", "y"), ("step", 3)],
    # abort then reset queued together; the reset task cancelled before it ran
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("abort", "A"), ("reset", "R"), ("cancel", "R", "no"),
     ("step", 3), ("arrive", "c"), ("step", 1)],
    # abort and reset while parties are inside after a trip; a second reset mends it
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("step", 1), ("abort", "A"), ("reset", "R"),
     ("step", 3), ("reset", "R2"), ("step", 2), ("arrive", "d"), ("arrive", "e"), ("arrive", "f"), ("step", 3)],
    # wait_for(b.wait(), 0) never arrives; a positive timeout that is not reached
    [("arrive", "a"), ("arrive", "z", 0), ("step", 2), ("arrive", "b", 10), ("step", 2), ("arrive", "c"), ("step", 3)],
    # an abort task cancelled before its first step never breaks the barrier; one cancelled
    # after it finished: cancel() is False
    [("arrive", "a"), ("arrive", "b"), ("step", 1), ("arrive", "c"), ("abort", "A"), ("cancel", "A", "no"),
     ("step", 3), ("abort", "A2"), ("step", 1), ("cancel", "A2", "late"), ("arrive", "d"), ("step", 2)],
]

async def main():
    for i, script in enumerate(SCRIPTS):
        print("-- script", i)
        await scenario(script)

asyncio.run(main())
