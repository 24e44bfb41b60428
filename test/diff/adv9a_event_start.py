import asyncio

# Event-based start barriers in a service: workers register, then wait on a "go" event; main
# waits (with wait_for) on a "ready" event that the last worker to register sets, then fires
# "go" and clears it at once (every waiter still wakes, in the order it started waiting); a
# late worker arriving after the clear waits for the next round; a worker cancelled while
# waiting leaves the others alone; a waiter under wait_for with a timeout that expires first;
# wait_for(ev.wait(), 0) on an event that is already set (times out in 3.11: the task never
# starts) and wait_for with a positive timeout on a set event (returns True); set() twice,
# clear() twice; a "stop" event for shutdown that every worker polls between work steps.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    registered = []
    ready = asyncio.Event()
    go = asyncio.Event()
    stop = asyncio.Event()
    N = 4

    def flush(tag):
        print(tag, "|", "; ".join(log))
        log.clear()

    async def worker(i, rounds):
        registered.append(i)
        log.append("w%d registered" % i)
        if len(registered) == N:
            ready.set()
            log.append("w%d sets ready" % i)
        try:
            for rnd in range(rounds):
                ok = await go.wait()
                log.append("w%d go round %d -> %r, go now %s" % (i, rnd, ok, go.is_set()))
                steps = 0
                while not stop.is_set() and steps < 3:
                    await asyncio.sleep(0)
                    steps += 1
                log.append("w%d worked %d steps, stop=%s" % (i, steps, stop.is_set()))
                if stop.is_set():
                    return "w%d stopped" % i
            return "w%d finished" % i
        except asyncio.CancelledError as e:
            log.append("w%d cancelled %r" % (i, str(e)))
            raise

    ws = [asyncio.create_task(worker(i, 2)) for i in range(3)]
    try:
        await asyncio.wait_for(ready.wait(), 0.1)
    except asyncio.TimeoutError:
        flush("ready timed out (only %d registered) %s" % (len(registered), r(ready)))
    ws.append(asyncio.create_task(worker(3, 2)))
    print("ready ->", await asyncio.wait_for(ready.wait(), 5))
    flush("registered %r" % registered)
    print("go", r(go))
    go.set()
    go.set()
    go.clear()
    print("go set and cleared", r(go))
    late = asyncio.create_task(worker(9, 1))
    await asyncio.sleep(0)
    flush("tick 1")
    print("cancel w1 ->", ws[1].cancel("not needed"))
    await asyncio.sleep(0)
    flush("tick 2")
    for tick in range(3, 6):
        await asyncio.sleep(0)
        flush("tick %d" % tick)
    print("go", r(go), "late done", late.done())
    go.set()
    for tick in range(6, 8):
        await asyncio.sleep(0)
        flush("tick %d" % tick)
    stop.set()
    go.clear()
    res = await asyncio.gather(*ws, late, return_exceptions=True)
    flush("gathered")
    print("results", [type(x).__name__ if isinstance(x, BaseException) else x for x in res])

    print("-- wait_for on events that are already set")
    ev = asyncio.Event()
    ev.set()
    try:
        print("wait_for(set.wait(), 0) ->", await asyncio.wait_for(ev.wait(), 0))
    except asyncio.TimeoutError:
        print("wait_for(set.wait(), 0) -> TimeoutError")
    print("wait_for(set.wait(), 0.5) ->", await asyncio.wait_for(ev.wait(), 0.5))
    print("set.wait() ->", await ev.wait(), r(ev))
    ev.clear()
    ev.clear()
    print("cleared twice", r(ev), ev.is_set())
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print("one waiter", r(ev))
    t.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled", r(ev), t.cancelled())
    t1, t2 = asyncio.create_task(ev.wait()), asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    t1.cancel("after set")
    await asyncio.sleep(0)
    print("after set, cancel one woken waiter:", t1.cancelled(), t2.result(), r(ev))

asyncio.run(main())
