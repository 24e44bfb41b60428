import asyncio
import itertools

# Exhaustive short scripts over waiters inside asyncio.timeout(): tasks wait for a Lock held by
# main (acquire, hold one iteration, release) or for a Queue item, each inside `async with
# asyncio.timeout(10) as cm`, two already waiting; every sequence of four operations from "new"
# (another task), "wake" (main releases the lock / puts an item), "x0" / "xN" (reschedule the
# deadline of the oldest / newest task not done into the past: the expiry is a call_soon), "d0"
# (reschedule the oldest one's deadline to None), "c0" (cancel the oldest task not done), "s"
# (one iteration); "?" marks a task not started yet (no timeout to move), and moving the
# deadline of a timeout that is expiring or expired is a RuntimeError. Expiry and wake-up land
# in one iteration in every order. One line per script: what each task got, TimeoutError (with
# expired()), CancelledError (with its message and cancelling()), then the state.
log = []
cms = {}

async def waiter(kind, p, name):
    try:
        async with asyncio.timeout(10) as cm:
            cms[name] = cm
            if kind == "lock":
                await p.acquire()
                log.append(name + "+")
                try:
                    await asyncio.sleep(0)
                finally:
                    p.release()
                    log.append(name + "-")
            else:
                log.append(name + "<" + await p.get())
    except TimeoutError:
        log.append(name + "T" + ("e" if cm.expired() else "") + str(asyncio.current_task().cancelling()))
        return "T"
    except asyncio.CancelledError as e:
        log.append(name + "x" + "".join(e.args) + str(asyncio.current_task().cancelling()))
        raise
    return name

def pending(ts):
    return [t for t in ts if not t.done()]

async def run(kind, seq):
    log.clear()
    cms.clear()
    loop = asyncio.get_running_loop()
    if kind == "lock":
        p = asyncio.Lock()
        await p.acquire()
    else:
        p = asyncio.Queue()
    ts = []
    names = {}

    def new():
        name = "t%d" % len(ts)
        t = asyncio.create_task(waiter(kind, p, name))
        names[t] = name
        ts.append(t)

    new()
    new()
    await asyncio.sleep(0)
    for i, op in enumerate(seq):
        if op == "new":
            new()
        elif op == "wake":
            if kind == "lock":
                try:
                    p.release()
                    log.append("R")
                except RuntimeError:
                    log.append("R!")
            else:
                p.put_nowait("m%d" % i)
                log.append("P")
        elif op in ("x0", "xN", "d0", "c0"):
            pend = pending(ts)
            if not pend:
                continue
            t = pend[-1] if op == "xN" else pend[0]
            if op == "c0":
                t.cancel(str(i))
            else:
                cm = cms.get(names[t])
                if cm is None:
                    log.append("?")
                else:
                    try:
                        cm.reschedule(None if op == "d0" else loop.time() - 1)
                    except RuntimeError as e:
                        log.append("E(" + str(e) + ")")
        elif op == "s":
            await asyncio.sleep(0)
    for _ in range(8):
        await asyncio.sleep(0)
    if kind == "lock":
        state = repr(p)
        state = "<" + type(p).__name__ + " " + state[state.index("["):]
    else:
        state = str(p)
    print(" ".join(seq), "|", " ".join(log), "|", state, "".join("C" if t.cancelled() else "d" if t.done() else "P" for t in ts))
    for t in ts:
        t.cancel()
    await asyncio.gather(*ts, return_exceptions=True)

async def main():
    for kind in ("lock", "queue"):
        print("--", kind)
        for seq in itertools.product(("new", "wake", "x0", "xN", "d0", "c0", "s"), repeat=4):
            await run(kind, seq)

asyncio.run(main())
