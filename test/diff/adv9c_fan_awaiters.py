import asyncio

# Four tasks await one producer task: W1 and W3 directly, W2 and W4 through a plain coroutine
# awaited directly (an extra level). The producer returns, raises, catches its cancellation and
# returns, or cancels itself; main cancels nobody, the producer, or one awaiter, after k
# iterations. Trace: the order the awaiters wake in (done-callback registration order), what
# each gets, current_task() after each wake, cancelling() counts, that cancelling an awaiter
# leaves the producer running, and that a late await of the finished producer does not suspend
# (a callback queued just before it runs after the await returned).


def who():
    t = asyncio.current_task()
    return "None" if t is None else t.get_name()


async def producer(outcome, steps):
    me = asyncio.current_task()
    try:
        for i in range(steps):
            await asyncio.sleep(0)
            print("  P step", i, who())
        if outcome == "raise":
            raise ValueError("boom")
        if outcome == "selfcancel":
            print("  P cancels itself ->", me.cancel("self"))
            await asyncio.sleep(0)
            print("  P not reached")
        return "P-result"
    except asyncio.CancelledError as e:
        print("  P caught", repr(str(e)), "cancelling", me.cancelling())
        if outcome == "swallow":
            return "P-swallowed"
        raise
    finally:
        print("  P finally", who())


async def via(name, p):
    print("  ", name, "via before", who())
    r = await p
    print("  ", name, "via after", who())
    return "via(" + r + ")"


async def awaiter(name, p, indirect):
    me = asyncio.current_task()
    try:
        if indirect:
            r = await via(name, p)
        else:
            r = await p
        print("  ", name, "got", repr(r), who())
        return name + ":" + r
    except asyncio.CancelledError as e:
        print("  ", name, "cancelled", repr(str(e)), who(), "cancelling", me.cancelling())
        raise
    except ValueError as e:
        print("  ", name, "ValueError", repr(str(e)), who())
        return name + ":err"


def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return "exception " + repr(f.exception())
    return "result " + repr(f.result())


async def fan(outcome, cancel_who=None, at=0):
    print("== producer", outcome, "cancel", cancel_who, "at", at)
    loop = asyncio.get_running_loop()
    p = asyncio.create_task(producer(outcome, 3), name="P")
    ws = [asyncio.create_task(awaiter("W%d" % i, p, i % 2 == 0), name="W%d" % i) for i in range(1, 5)]
    if cancel_who is not None:
        for _ in range(at):
            await asyncio.sleep(0)
        target = p if cancel_who == "P" else ws[int(cancel_who[1]) - 1]
        print("  main cancels", cancel_who, "->", target.cancel("by-main"))
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("  gather ->", [r if isinstance(r, str) else "%s %r" % (type(r).__name__, str(r)) for r in res])
    print("  P", state(p), "cancelling", p.cancelling())
    loop.call_soon(print, "  callback queued before late await")
    try:
        r = await p
        print("  late await ->", repr(r), who())
    except (ValueError, asyncio.CancelledError) as e:
        print("  late await raised", type(e).__name__, repr(str(e)), who())
    print("  after late await")
    await asyncio.sleep(0)


async def main():
    for outcome in ("result", "raise", "swallow", "selfcancel"):
        await fan(outcome)
    for at in range(5):
        await fan("result", "P", at)
    await fan("swallow", "P", 2)
    await fan("raise", "P", 3)
    for at in (1, 2, 3):
        await fan("result", "W2", at)
    await fan("result", "W3", 2)
    await fan("raise", "W4", 3)


asyncio.run(main())
