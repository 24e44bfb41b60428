import asyncio

# A Timeout's when(), expired(), repr and reschedule() at every state: active with a deadline,
# with none (timeout(None)), rescheduled into the past (expiring at the next iteration, not at
# once), to None and back, expiring while the body swallows the cancellation (reschedule then
# refused as "expiring", the exit leaving it "expired" without a TimeoutError), after a clean exit
# ("finished"), after a TimeoutError ("expired"), and timeout_at() with a deadline in the past.

def rel(loop, w):
    if w is None:
        return None
    return round(w - loop.time())

def state(label, cm, loop):
    r = repr(cm)
    if "when=" in r:
        r = r.split(" when=")[0] + " when=...>" if cm.when() is not None and r.split(" when=")[1] != "None>" else r
    print("  %s: expired=%s rel_when=%s repr=%s" % (label, cm.expired(), rel(loop, cm.when()), r))

def try_resched(cm, when):
    try:
        cm.reschedule(when)
        print("  reschedule ok")
    except RuntimeError as e:
        print("  reschedule RuntimeError", repr(str(e)))

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- timeout(100): active, cleanly exited")
    async with asyncio.timeout(100) as cm:
        state("inside", cm, loop)
        await asyncio.sleep(0)
    state("after", cm, loop)
    try_resched(cm, loop.time() + 5)
    state("after resched attempt", cm, loop)

    print("-- timeout(None): no deadline, then one, then none again")
    async with asyncio.timeout(None) as cm:
        state("inside", cm, loop)
        cm.reschedule(loop.time() + 50)
        state("rescheduled +50", cm, loop)
        cm.reschedule(None)
        state("rescheduled None", cm, loop)
        await asyncio.sleep(0.01)
    state("after", cm, loop)

    print("-- reschedule into the past: expires at the next suspension")
    try:
        async with asyncio.timeout(100) as cm:
            cm.reschedule(loop.time() - 10)
            state("rescheduled -10", cm, loop)
            print("  still running, cancelling", me.cancelling())
            await asyncio.sleep(0)
            print("  unreached")
    except TimeoutError as e:
        print("  TimeoutError", repr(str(e)), type(e.__cause__).__name__, "cancelling", me.cancelling())
    state("after", cm, loop)
    try_resched(cm, None)

    print("-- reschedule to the past, then back to the future before suspending")
    async with asyncio.timeout(100) as cm:
        cm.reschedule(loop.time() - 10)
        cm.reschedule(loop.time() + 100)
        await asyncio.sleep(0)
        state("survived", cm, loop)
    state("after", cm, loop)

    print("-- expires while the body swallows the cancellation")
    async with asyncio.timeout(0) as cm:
        state("inside", cm, loop)
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  body caught", repr(e.args), "cancelling", me.cancelling())
        state("expiring", cm, loop)
        try_resched(cm, loop.time() + 10)
        try_resched(cm, None)
        print("  body goes on", await asyncio.sleep(0, "x"))
    state("after", cm, loop)
    print("  cancelling", me.cancelling())

    print("-- timeout(-5) and timeout(0) expire alike")
    for d in (-5, 0, 0.0):
        try:
            async with asyncio.timeout(d) as cm:
                state("inside %r" % (d,), cm, loop)
                await asyncio.sleep(1)
        except TimeoutError:
            state("TimeoutError", cm, loop)

    print("-- timeout_at in the past / far future / None")
    for label, w in (("past", loop.time() - 1000), ("future", loop.time() + 1000), ("None", None)):
        try:
            async with asyncio.timeout_at(w) as cm:
                state(label, cm, loop)
                await asyncio.sleep(0.01)
                print("  body done")
        except TimeoutError:
            state("TimeoutError " + label, cm, loop)

    print("-- a body that never suspends under an expired deadline")
    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            print("  body runs, no await")
        print("  no TimeoutError; expired", cm.expired())
    except TimeoutError:
        print("  TimeoutError")
    print("  cancelling", me.cancelling())
    try:
        await asyncio.sleep(0)
        print("  next sleep ok")
    except asyncio.CancelledError:
        print("  next sleep cancelled (late delivery)", me.cancelling())
        me.uncancel()

    print("-- reschedule after TimeoutError and from a callback")
    try:
        async with asyncio.timeout(0.05) as cm:
            loop.call_soon(lambda: (cm.reschedule(loop.time() + 0.01), print("  cb rescheduled", rel(loop, cm.when()))))
            await asyncio.sleep(5)
    except TimeoutError:
        print("  TimeoutError, expired", cm.expired())
    try_resched(cm, loop.time())
    print("-- loop still works", await asyncio.sleep(0, "yes"), me.cancelling())

asyncio.run(main())
