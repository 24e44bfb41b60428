import asyncio

# Hedged requests: send to the primary replica; if it has not answered within hedge_after (wait
# with a timeout), or as soon as it fails, send the same request to the backup; take the first
# good answer (wait FIRST_COMPLETED under an overall deadline), cancel the loser and wait for its
# cleanup; if every replica fails, raise RuntimeError naming their errors; past the overall
# deadline, cancel all and raise TimeoutError; if the caller is cancelled mid-hedge, both calls
# are cancelled in a finally. Then a fastest-of-three lookup with as_completed(timeout) (3.11: the
# iterator raises TimeoutError and leaves the rest running; the caller cancels them). Replica
# latencies and all deadlines are whole tenths of a second, 100 ms or more apart; times are
# printed in tenths since the scenario began, rounded down to an even tenth (every event is due
# at one: a late wake-up has 200 ms of slack).
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Clock:
    def __init__(self):
        self.loop = asyncio.get_running_loop()
        self.t0 = self.loop.time()

    def at(self):
        # Every event is due at an even tenth, so times are counted in whole 0.2 s slots and
        # printed in tenths: a late wake-up has 200 ms of slack.
        return int((self.loop.time() - self.t0 + 0.001) * 5) * 2

async def replica(clock, name, behaviour):
    kind, arg = behaviour
    log.append("%s starts at %d" % (name, clock.at()))
    try:
        if kind == "ticks":
            for _ in range(arg):
                await asyncio.sleep(0)
        elif kind == "sleep":
            await asyncio.sleep(clock.t0 + arg - clock.loop.time())
        elif kind == "fail":
            for _ in range(arg):
                await asyncio.sleep(0)
            raise ValueError("%s failed" % name)
        elif kind == "slowfail":
            await asyncio.sleep(clock.t0 + arg - clock.loop.time())
            raise ConnectionResetError("%s reset" % name)
    except asyncio.CancelledError as e:
        log.append("%s cancelled at %d %r" % (name, clock.at(), str(e)))
        await asyncio.sleep(0)
        log.append("%s closed its socket" % name)
        raise
    log.append("%s answers at %d" % (name, clock.at()))
    return "%s:ok" % name

async def hedged(clock, primary, backup, hedge_after=0.2, overall=0.8):
    t1 = asyncio.create_task(replica(clock, "P", primary), name="P")
    tasks = [t1]
    errors = []
    try:
        done, _ = await asyncio.wait(tasks, timeout=hedge_after)
        if done and not t1.exception():
            log.append("no hedge needed")
            return t1.result()
        if done:
            errors.append(t1.exception())
            log.append("primary failed fast: hedge now")
            tasks = []
        else:
            log.append("hedge at %d" % clock.at())
        tasks.append(asyncio.create_task(replica(clock, "B", backup), name="B"))
        deadline = clock.t0 + overall
        while tasks:
            left = deadline - clock.loop.time()
            done, pending = await asyncio.wait(tasks, timeout=left,
                                               return_when=asyncio.FIRST_COMPLETED)
            if not done:
                log.append("overall deadline at %d, pending %s" % (clock.at(), sorted(t.get_name() for t in pending)))
                raise asyncio.TimeoutError()
            for t in sorted(done, key=lambda t: t.get_name()):
                tasks.remove(t)
                if t.exception() is None:
                    log.append("winner %s at %d" % (t.get_name(), clock.at()))
                    return t.result()
                errors.append(t.exception())
                log.append("%s failed: %r" % (t.get_name(), t.exception()))
        raise RuntimeError("all replicas failed: %s" % ", ".join(repr(e) for e in errors))
    finally:
        losers = [t for t in tasks if not t.done()]
        for t in losers:
            t.cancel("hedge lost")
        if losers:
            await asyncio.gather(*losers, return_exceptions=True)
            log.append("losers cleaned up: %s" % [t.get_name() for t in losers])

def outcome(x):
    if isinstance(x, BaseException):
        return "%s(%r)" % (type(x).__name__, str(x))
    return repr(x)

async def main():
    loop = asyncio.get_running_loop()
    scenarios = [
        ("fast primary", ("ticks", 2), ("ticks", 1)),
        ("slow primary, quick backup", ("sleep", 0.6), ("sleep", 0.4)),
        ("primary fails at once", ("fail", 1), ("sleep", 0.4)),
        ("both fail", ("fail", 0), ("fail", 2)),
        ("primary fails late, backup slower", ("slowfail", 0.4), ("sleep", 0.6)),
        ("both too slow", ("sleep", 2.0), ("sleep", 2.0)),
        ("backup wins, primary would fail", ("slowfail", 0.6), ("ticks", 3)),
    ]
    for title, p, b in scenarios:
        print("--", title)
        clock = Clock()
        try:
            r = await hedged(clock, p, b)
            flush("  trace")
            print("  result", outcome(r), "at", clock.at())
        except (RuntimeError, asyncio.TimeoutError) as e:
            flush("  trace")
            print("  raised", outcome(e), "at", clock.at())

    print("-- the caller is cancelled mid-hedge")
    clock = Clock()
    t = asyncio.create_task(hedged(clock, ("sleep", 2.0), ("sleep", 2.0)), name="caller")
    loop.call_at(clock.t0 + 0.4, t.cancel, "client went away")
    try:
        await t
    except asyncio.CancelledError as e:
        flush("  trace")
        print("  caller cancelled", repr(str(e)), "at", clock.at(), t.cancelled())

    print("-- fastest of three with as_completed(timeout=0.6)")
    clock = Clock()
    ts = [asyncio.create_task(replica(clock, n, beh), name=n) for n, beh in
          (("X", ("sleep", 1.0)), ("Y", ("sleep", 0.2)), ("Z", ("ticks", 2)))]
    got = []
    try:
        for f in asyncio.as_completed(ts, timeout=0.6):
            got.append(await f)
            log.append("as_completed gave %s at %d" % (got[-1], clock.at()))
    except asyncio.TimeoutError as e:
        log.append("as_completed timed out at %d %r" % (clock.at(), str(e)))
    flush("  trace")
    print("  got", got, "still running", [t.get_name() for t in ts if not t.done()])
    for t in ts:
        t.cancel("not needed")
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("  cleanup")
    print("  ", [outcome(r) for r in res])
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
