import asyncio

# A worker pool drains a job queue; each job runs under wait_for() with a per-item timeout and is
# retried (re-queued with its attempt count) up to a limit. Jobs: fast ones (a few sleep(0)),
# hangers (sleep 30: they always time out), one that fails with ValueError on its first
# attempt only, one that swallows its cancellation once and then finishes (wait_for then returns
# its result), timeouts of 0, a negative one and None. The trace: who took which job, each
# attempt's outcome (the timeouts that fire are 100 ms or more apart), cancelling() of the workers after every timeout (wait_for must leave it 0),
# the results table, join(), and the pool's shutdown (cancel + gather(return_exceptions)).
attempts = {}

async def job(name, kind, n):
    attempts[name] = attempts.get(name, 0) + 1
    a = attempts[name]
    if kind == "fast":
        for _ in range(n):
            await asyncio.sleep(0)
        return "%s ok after %d ticks" % (name, n)
    if kind == "hang":
        await asyncio.sleep(30)
        return "never"
    if kind == "flaky":
        await asyncio.sleep(0)
        if a == 1:
            raise ValueError("%s flaked" % name)
        return "%s ok on try %d" % (name, a)
    if kind == "obstinate":
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError as e:
            print("    %s swallows CancelledError(%r)" % (name, str(e)))
            return "%s finished anyway" % name
    if kind == "slow-then-fast":
        if a == 1:
            await asyncio.sleep(30)
        return "%s ok on try %d" % (name, a)
    raise KeyError(kind)

async def main():
    q = asyncio.Queue()
    results = {}
    MAXTRY = 3

    async def worker(w):
        me = asyncio.current_task()
        done = 0
        try:
            while True:
                name, kind, n, timeout, tries = await q.get()
                try:
                    print("  %s takes %s (try %d, timeout %r)" % (w, name, tries, timeout))
                    try:
                        r = await asyncio.wait_for(job(name, kind, n), timeout)
                    except asyncio.TimeoutError as e:
                        print("  %s: %s timed out %r cancelling=%d" % (w, name, str(e), me.cancelling()))
                        if tries < MAXTRY:
                            q.put_nowait((name, kind, n, timeout, tries + 1))
                        else:
                            results[name] = "gave up"
                    except ValueError as e:
                        print("  %s: %s failed %r" % (w, name, e))
                        q.put_nowait((name, kind, n, timeout, tries + 1))
                    else:
                        print("  %s: %s -> %r" % (w, name, r))
                        results[name] = r
                        done += 1
                finally:
                    q.task_done()
        except asyncio.CancelledError as e:
            print("  %s stops after %d jobs, msg %r, cancelling %d" % (w, done, str(e), me.cancelling()))
            raise

    jobs = [("a", "fast", 1, 0.1), ("b", "hang", 0, 0.2), ("c", "flaky", 0, 0.1),
            ("d", "fast", 3, None), ("e", "obstinate", 0, 0.5), ("f", "slow-then-fast", 0, 0.9),
            ("g", "fast", 0, 0), ("h", "fast", 2, -1), ("i", "fast", 0, 5)]
    for name, kind, n, t in jobs:
        q.put_nowait((name, kind, n, t, 1))
    print("queue", q.qsize(), "jobs")
    ws = [asyncio.create_task(worker("w%d" % i), name="w%d" % i) for i in range(3)]
    await q.join()
    print("joined; queue empty", q.empty())
    for name in sorted(results):
        print("  result", name, repr(results[name]), "attempts", attempts.get(name, 0))
    print("pending workers", [w.get_name() for w in ws if not w.done()])
    for i, w in enumerate(ws):
        w.cancel("pool closing %d" % i)
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("shutdown", [type(r).__name__ for r in res], [w.cancelled() for w in ws])
    print("extra:", q.qsize(), await asyncio.wait_for(asyncio.sleep(0, "still running"), 0.5))

asyncio.run(main())
