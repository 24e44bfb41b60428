import asyncio

# Condition.wait() cancelled at every point of one script: before the waiter first runs, while it
# waits for the notification, notified but not yet run, woken and queued on the lock held by
# main, handed the lock but not yet run, and after it finished; once with a message and once
# cancelled twice. 3.11 keeps the message when the cancellation arrives during the wait proper,
# and raises a bare CancelledError when it arrives while the lock is being taken back; the lock
# is held whenever the waiter sees the cancellation; the other waiter proceeds in FIFO order.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    return "C" if t.cancelled() else t.result()

async def scenario(target, k, twice):
    log = []
    cond = asyncio.Condition()

    async def waiter(name):
        try:
            async with cond:
                log.append(("in", name))
                try:
                    v = await cond.wait()
                    log.append(("woke", name, v, cond.locked()))
                except asyncio.CancelledError as e:
                    log.append(("wait-cancel", name, e.args, cond.locked()))
                    raise
                log.append(("leave", name))
        except asyncio.CancelledError as e:
            log.append(("out-cancel", name, e.args, cond.locked()))
            raise
        return name

    ts = {"A": asyncio.create_task(waiter("A")), "B": asyncio.create_task(waiter("B"))}
    step = [0]

    def tick(what):
        if step[0] == k:
            ts[target].cancel("m%d" % k)
            if twice:
                ts[target].cancel("again")
            log.append(("cancel", target))
        print(" ", step[0], what, *log, "|", r(cond), st(ts["A"]), st(ts["B"]))
        log.clear()
        step[0] += 1

    tick("created")
    await asyncio.sleep(0)
    tick("both waiting")
    await cond.acquire()
    cond.notify(1)
    tick("main holds, notified one")
    await asyncio.sleep(0)
    tick("one woke")
    cond.notify(1)
    tick("notified another")
    await asyncio.sleep(0)
    tick("both woke")
    cond.release()
    tick("released")
    await asyncio.sleep(0)
    tick("step")
    await asyncio.sleep(0)
    tick("step")
    await asyncio.sleep(0)
    tick("end")
    for t in ts.values():
        if not t.done():
            t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    print("  final", r(cond), st(ts["A"]), st(ts["B"]))
    # the condition still works
    async with cond:
        assert cond.locked()
    print("  reused", r(cond))

async def main():
    for target in ("A", "B"):
        for twice in (False, True):
            for k in range(0, 11):
                print("-- target", target, "k", k, "twice", twice)
                await scenario(target, k, twice)

asyncio.run(main())
