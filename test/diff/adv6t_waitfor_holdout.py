import asyncio

# wait_for() (3.11's, not built on timeout()) over a task that does not give in to the
# cancellation the timeout sends: it returns a value late (wait_for returns it, no
# TimeoutError), raises another error (that error comes out), resists several requests, or
# uncancel()s itself. Timeout 0 against a task that has not started (cancelled before its first
# step: no chance to resist) and one that has. The caller cancelled while wait_for waits for the
# cancellation to finish (the CancelledError comes out at once and the holdout runs on), and the
# caller cancelled before the timeout (the holdout's value is dropped, the caller's request
# wins). cancelling() of both sides throughout.

log = print


async def holdout(label, mode, pause=0.1):
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log("   ", label, "holdout caught", repr(str(e)), "cancelling", me.cancelling())
        if mode == "uncancel":
            log("   ", label, "uncancel ->", me.uncancel())
        if mode == "raise":
            raise ValueError("holdout " + label)
        if mode == "rounds":
            for i in range(2):
                try:
                    await asyncio.sleep(pause)
                except asyncio.CancelledError as e2:
                    log("   ", label, "round", i, "caught again", repr(str(e2)), "cancelling", me.cancelling())
        await asyncio.sleep(pause)
        log("   ", label, "holdout returns, cancelling", me.cancelling())
        return "late " + label
    return "never"


def outcome(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "exception " + repr(t.exception())
    return "result " + repr(t.result())


async def caller(label, aw, timeout):
    me = asyncio.current_task()
    try:
        r = await asyncio.wait_for(aw, timeout)
        log("  ", label, "wait_for ->", repr(r), "cancelling", me.cancelling())
        return r
    except asyncio.TimeoutError as e:
        log("  ", label, "TimeoutError cause", type(e.__cause__).__name__, "cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        log("  ", label, "CancelledError", repr(str(e)), "cancelling", me.cancelling())
        raise
    except ValueError as e:
        log("  ", label, "ValueError", repr(str(e)), "cancelling", me.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    for mode in ("return", "raise", "uncancel", "rounds"):
        print("-- holdout", mode)
        h = asyncio.create_task(holdout(mode, mode))
        c = asyncio.create_task(caller(mode, h, 0.05))
        await c
        print("  h", outcome(h), "cancelling", h.cancelling())

    print("-- timeout 0, holdout not started")
    h = asyncio.create_task(holdout("t0-new", "return"))
    await caller("t0-new", h, 0)
    print("  h", outcome(h), "cancelling", h.cancelling())

    print("-- timeout 0, holdout started")
    h = asyncio.create_task(holdout("t0-started", "return", 0.02))
    await asyncio.sleep(0)
    await caller("t0-started", h, 0)
    print("  h", outcome(h), "cancelling", h.cancelling())

    print("-- timeout -1 over a coroutine")
    await caller("neg-coro", holdout("neg-coro", "return"), -1)

    print("-- caller cancelled while wait_for waits for the holdout")
    h = asyncio.create_task(holdout("mid", "return", 0.3))
    c = asyncio.create_task(caller("mid", h, 0.05))
    loop.call_later(0.15, lambda: print("  cancel caller ->", c.cancel("stop mid")))
    try:
        await c
    except asyncio.CancelledError as e:
        print("  caller ended cancelled", repr(str(e)), "h", outcome(h), "cancelling", h.cancelling())
    await h
    print("  h", outcome(h))

    print("-- caller cancelled before the timeout")
    h = asyncio.create_task(holdout("early", "return", 0.1))
    c = asyncio.create_task(caller("early", h, 5))
    await asyncio.sleep(0.02)
    print("  cancel caller ->", c.cancel("stop early"), "cancelling", c.cancelling())
    await asyncio.sleep(0)
    print("  after one iteration: caller", outcome(c), "h cancelling", h.cancelling())
    try:
        await c
    except asyncio.CancelledError as e:
        print("  caller ended cancelled", repr(str(e)), "h", outcome(h))

    print("-- caller cancelled twice before the timeout, holdout raises")
    h = asyncio.create_task(holdout("twice", "raise"))
    c = asyncio.create_task(caller("twice", h, 5))
    await asyncio.sleep(0.02)
    print("  cancel ->", c.cancel("one"), c.cancel("two"), "cancelling", c.cancelling())
    try:
        await c
    except asyncio.CancelledError as e:
        print("  caller ended cancelled", repr(str(e)))
    print("  h", outcome(h))
    print("loop goes on", await asyncio.sleep(0.001, "ok"))


asyncio.run(main())
