import asyncio

# asyncio.timeout() around barrier.wait() and q.join() whose deadline is moved into the past
# (reschedule() to a past time schedules the expiry with call_soon) in the same step of main
# that trips the barrier (main is the last party and does not suspend) or makes the queue's
# count reach zero, in both orders: expiry first, the woken party is cancelled after the trip
# (CancelledError inside, TimeoutError outside, the other parties pass, the barrier is not
# broken); trip first, the party runs before the expiry callback, leaves the block and the
# expiry never fires. Also reschedule(None) in the same step (the party passes), an `async with
# barrier` body under the timeout, a party blocked while the barrier drains whose deadline
# passes, and expired(), cancelling() and the reprs after each case.
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
cms = {}

async def timed_party(b, name, use_with):
    try:
        async with asyncio.timeout(10) as cm:
            cms[name] = cm
            try:
                if use_with:
                    async with b as i:
                        log.append((name, "inside", i))
                else:
                    i = await b.wait()
            except asyncio.CancelledError as e:
                log.append((name, "cancelled inside", e.args))
                raise
            log.append((name, "passed", i))
    except TimeoutError:
        log.append((name, "TimeoutError", cm.expired(), asyncio.current_task().cancelling()))
        return "timeout"
    log.append((name, "left block", cm.expired(), asyncio.current_task().cancelling()))
    return i

async def timed_join(q, name):
    try:
        async with asyncio.timeout(10) as cm:
            cms[name] = cm
            await q.join()
            log.append((name, "joined"))
    except TimeoutError:
        log.append((name, "TimeoutError", cm.expired(), asyncio.current_task().cancelling()))
        return "timeout"
    log.append((name, "left block", cm.expired(), asyncio.current_task().cancelling()))
    return "joined"

async def plain_party(b, name):
    i = await b.wait()
    log.append((name, "passed", i))
    return i

async def scenario(mode, use_with):
    log.clear()
    cms.clear()
    loop = asyncio.get_running_loop()
    b = asyncio.Barrier(3)
    ts = {"A": asyncio.create_task(timed_party(b, "A", use_with)),
          "B": asyncio.create_task(plain_party(b, "B"))}
    await asyncio.sleep(0)

    def show(tag):
        print("   ", tag, *log, "|", r(b), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
        log.clear()

    show("waiting")
    cm = cms["A"]
    if mode == "expire-first":
        cm.reschedule(loop.time() - 1)
        log.append(("main index", await b.wait()))
    elif mode == "trip-first":
        log.append(("main index", await b.wait()))
        cm.reschedule(loop.time() - 1)
    elif mode == "expire-then-disarm":
        cm.reschedule(loop.time() - 1)
        cm.reschedule(None)
        log.append(("main index", await b.wait()))
    show("acted")
    for i in range(5):
        await asyncio.sleep(0)
        if log:
            show("step%d" % i)
    for t in ts.values():
        if not t.done():
            t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    show("end")

async def drain_case():
    # C and D trip the barrier with main; E arrives while it drains and blocks in _block; its
    # deadline passes there
    log.clear()
    cms.clear()
    loop = asyncio.get_running_loop()
    b = asyncio.Barrier(3)
    ts = {"C": asyncio.create_task(plain_party(b, "C")), "D": asyncio.create_task(plain_party(b, "D"))}
    await asyncio.sleep(0)
    # E's first step is due before the wake-ups of C and D: it finds the barrier draining
    ts["E"] = asyncio.create_task(timed_party(b, "E", False))
    log.append(("main index", await b.wait()))
    await asyncio.sleep(0)
    print("   ", "E arrived while draining", *log, "|", r(b), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
    log.clear()
    cms["E"].reschedule(loop.time() - 1)
    for i in range(5):
        await asyncio.sleep(0)
        if log:
            print("    step%d" % i, *log, "|", r(b), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
            log.clear()

async def join_case(first):
    log.clear()
    cms.clear()
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    q.put_nowait("a")
    q.get_nowait()
    ts = {"J": asyncio.create_task(timed_join(q, "J")), "K": asyncio.create_task(q.join())}
    await asyncio.sleep(0)
    print("   ", "waiting", str(q))
    if first == "expire":
        cms["J"].reschedule(loop.time() - 1)
        q.task_done()
    else:
        q.task_done()
        cms["J"].reschedule(loop.time() - 1)
    for i in range(5):
        await asyncio.sleep(0)
        if log:
            print("    step%d" % i, *log, "|", str(q), *["%s=%s" % (n, st(t)) for n, t in ts.items()])
            log.clear()
    print("    end", str(q), *["%s=%s" % (n, st(t)) for n, t in ts.items()])

async def main():
    for use_with in (False, True):
        for mode in ("expire-first", "trip-first", "expire-then-disarm"):
            print("--", mode, "async with" if use_with else "wait()")
            await scenario(mode, use_with)
    print("-- blocked while draining")
    await drain_case()
    for first in ("expire", "done"):
        print("-- join,", first, "first")
        await join_case(first)

asyncio.run(main())
