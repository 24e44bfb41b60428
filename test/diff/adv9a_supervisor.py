import asyncio

# A supervisor restarting failed workers (one-for-one): it waits on its children with
# wait(FIRST_COMPLETED), restarts a child that raised (up to a budget per child, with a sleep(0)
# backoff), leaves one that finished or was cancelled (from outside, or by raising
# CancelledError itself) alone, and reports each decision; main cancels one worker from outside,
# then the supervisor itself, which cancels and reaps the rest before re-raising. Then a
# one-for-all supervisor: a TaskGroup of workers re-run as a whole when any fails (the group's
# ExceptionGroup is reported), until a run succeeds or the budget is spent. The done set of
# wait() is visited sorted by task name.
log = []
attempts = {}

def note(*a):
    log.append(" ".join(str(x) for x in a))

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

async def worker(name, plan):
    n = attempts[name] = attempts.get(name, 0) + 1
    step = plan[min(n, len(plan)) - 1]
    note(name, "start#%d" % n, step)
    try:
        kind, ticks = step.split(":")
        for _ in range(int(ticks)):
            await asyncio.sleep(0)
        if kind == "ok":
            return "%s#%d ok" % (name, n)
        if kind == "value":
            raise ValueError("%s#%d" % (name, n))
        if kind == "key":
            raise KeyError(name)
        if kind == "cancel":
            raise asyncio.CancelledError("%s gives up" % name)
        if kind == "hang":
            await asyncio.sleep(30)
    except asyncio.CancelledError as e:
        note(name, "cancelled#%d" % n, repr(str(e)))
        raise

def outcome(t):
    if t.cancelled():
        return "cancelled"
    e = t.exception()
    if e is not None:
        return "%s(%r)" % (type(e).__name__, str(e))
    return repr(t.result())

async def supervisor(specs, budget):
    children = {}
    restarts = {name: 0 for name in specs}
    final = {}

    def spawn(name):
        children[name] = asyncio.create_task(worker(name, specs[name]), name=name)

    for name in specs:
        spawn(name)
    try:
        while children:
            done, _ = await asyncio.wait(children.values(), return_when=asyncio.FIRST_COMPLETED)
            for t in sorted(done, key=lambda t: t.get_name()):
                name = t.get_name()
                del children[name]
                res = outcome(t)
                if t.cancelled() or t.exception() is None:
                    note("sup:", name, "ended", res, "-> leave")
                    final[name] = res
                elif restarts[name] < budget:
                    restarts[name] += 1
                    note("sup:", name, "failed", res, "-> restart", restarts[name])
                    await asyncio.sleep(0)
                    spawn(name)
                else:
                    note("sup:", name, "failed", res, "-> budget spent")
                    final[name] = "gave up after " + res
        return final
    except asyncio.CancelledError as e:
        note("sup: cancelled", repr(str(e)), "reaping", sorted(children))
        for t in children.values():
            t.cancel("supervisor down")
        res = await asyncio.gather(*children.values(), return_exceptions=True)
        note("sup: reaped", [type(r).__name__ for r in res])
        raise

async def main():
    print("-- one-for-one")
    specs = {
        "a": ["value:1", "value:2", "ok:1"],
        "b": ["key:0"],
        "c": ["ok:3"],
        "d": ["hang:0"],
        "e": ["cancel:2"],
        "f": ["value:0", "hang:0"],
        "g": ["hang:0"],
    }
    sup = asyncio.create_task(supervisor(specs, 2), name="sup")
    for tick in range(1, 17):
        await asyncio.sleep(0)
        if tick == 4:
            for t in asyncio.all_tasks():
                if t.get_name() == "d":
                    note("main cancels d ->", t.cancel("from main"))
        flush("tick %d" % tick)
    print("attempts", sorted(attempts.items()))
    print("cancel sup ->", sup.cancel("maintenance"))
    try:
        await sup
    except asyncio.CancelledError as e:
        flush("sup ended cancelled %r cancelling %d" % (str(e), sup.cancelling()))

    print("-- one-for-all")
    attempts.clear()

    async def group_run(run):
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(worker("x", ["ok:2", "ok:1", "ok:0"])),
                  tg.create_task(worker("y", ["value:1", "key:3", "ok:1"])),
                  tg.create_task(worker("z", ["hang:0", "hang:0", "ok:2"]))]
        return [t.result() for t in ts]

    for run in range(1, 5):
        try:
            res = await group_run(run)
            flush("run %d ok %r" % (run, res))
            break
        except* (ValueError, KeyError) as eg:
            flush("run %d failed %s" % (run, [(type(e).__name__, str(e)) for e in eg.exceptions]))
    print("attempts", sorted(attempts.items()))
    print("tasks left", sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()))

asyncio.run(main())
