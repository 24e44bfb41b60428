import asyncio

# A single-flight group with reference counting: callers of do(key) share one in-flight task per
# key and await it through shield(), so a caller that leaves (cancelled, wait_for timeout,
# asyncio.timeout expiry) does not cancel the shared work; but when the last caller has left, the
# work is abandoned (cancelled with a message). A caller arriving while an abandoned flight is
# still winding down starts a new flight. forget(key) detaches a flight: later callers start
# afresh while the old callers still get the old result. Every caller of one flight receives the
# same result object, or the same exception object. The trace shows joins, leaves, refcounts,
# abandonments and each caller's outcome; real-time deadlines are 200 ms or more apart, and main
# observes the callers leaving by waiting for them, not by sleeping.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Flight:
    def __init__(self, key, n, task):
        self.key = key
        self.n = n
        self.task = task
        self.refs = 0

class Group:
    def __init__(self):
        self.flights = {}
        self.count = {}

    def _start(self, key, fn):
        n = self.count[key] = self.count.get(key, 0) + 1
        f = Flight(key, n, asyncio.create_task(fn(key, n), name="%s#%d" % (key, n)))
        f.task.add_done_callback(lambda t, f=f: self._landed(f, t))
        self.flights[key] = f
        return f

    def _landed(self, f, t):
        if self.flights.get(f.key) is f:
            del self.flights[f.key]
        state = "cancelled" if t.cancelled() else "failed" if t.exception() else "ok"
        log.append("flight %s#%d landed %s refs=%d" % (f.key, f.n, state, f.refs))

    async def do(self, who, key, fn):
        f = self.flights.get(key)
        if f is None or f.task.cancelling():
            if f is not None:
                log.append("%s: %s#%d is being abandoned" % (who, key, f.n))
            f = self._start(key, fn)
            log.append("%s starts %s#%d" % (who, key, f.n))
        else:
            log.append("%s joins %s#%d" % (who, key, f.n))
        f.refs += 1
        try:
            return await asyncio.shield(f.task)
        except asyncio.CancelledError:
            if f.task.cancelled():
                log.append("%s: flight %s#%d was cancelled" % (who, key, f.n))
            else:
                log.append("%s leaves %s#%d" % (who, key, f.n))
            raise
        finally:
            f.refs -= 1
            if f.refs == 0 and not f.task.done():
                log.append("abandon %s#%d -> %s" % (key, f.n, f.task.cancel("abandoned %s#%d" % (key, f.n))))

    def forget(self, key):
        f = self.flights.pop(key, None)
        return None if f is None else "%s#%d" % (key, f.n)

SHARED = {}

async def fetch(key, n):
    log.append("fetch %s#%d begins" % (key, n))
    try:
        if key.startswith("slow"):
            await asyncio.sleep(0.6)
        elif key.startswith("bad"):
            await asyncio.sleep(0)
            raise ValueError("%s#%d broke" % (key, n))
        else:
            for _ in range(3):
                await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        log.append("fetch %s#%d cancelled %r" % (key, n, str(e)))
        await asyncio.sleep(0)
        log.append("fetch %s#%d cleaned up" % (key, n))
        raise
    SHARED.setdefault(key, []).append(n)
    return ["%s#%d" % (key, n)]

def outcome(x):
    if isinstance(x, BaseException):
        return "%s(%r)" % (type(x).__name__, str(x))
    return repr(x)

async def main():
    loop = asyncio.get_running_loop()
    g = Group()

    async def caller(who, key, how=None, arg=None):
        try:
            if how == "wait_for":
                r = await asyncio.wait_for(g.do(who, key, fetch), arg)
            elif how == "timeout":
                async with asyncio.timeout(arg):
                    r = await g.do(who, key, fetch)
            else:
                r = await g.do(who, key, fetch)
        except (asyncio.TimeoutError, ValueError) as e:
            log.append("%s <- %s" % (who, outcome(e)))
            raise
        log.append("%s <- %r" % (who, r))
        return r

    print("-- three callers share a flight; one result object")
    res = await asyncio.gather(caller("a1", "k"), caller("a2", "k"), caller("a3", "k"))
    flush("shared")
    print("same object", res[0] is res[1] is res[2], res[0], "fetches", g.count)

    print("-- a failing flight: every caller gets the same exception object")
    res = await asyncio.gather(caller("b1", "bad"), caller("b2", "bad"), return_exceptions=True)
    flush("failed")
    print([outcome(r) for r in res], "same object", res[0] is res[1])

    print("-- callers leave one by one (wait_for 0.1, timeout 0.3, cancel); the last abandons")
    t1 = asyncio.create_task(caller("c1", "slow", "wait_for", 0.1))
    t2 = asyncio.create_task(caller("c2", "slow", "timeout", 0.3))
    t3 = asyncio.create_task(caller("c3", "slow"))
    await asyncio.sleep(0)
    flush("joined")
    print("refs", g.flights["slow"].refs)
    await asyncio.wait([t1])
    flush("c1 gone")
    print("refs", g.flights["slow"].refs)
    await asyncio.wait([t2])
    flush("c2 gone")
    print("refs", g.flights["slow"].refs, "cancel c3 ->", t3.cancel("c3 hung up"))
    await asyncio.sleep(0)
    flush("c3 left")
    print("late joiner while the flight winds down")
    t4 = asyncio.create_task(caller("c4", "slow"))
    await asyncio.sleep(0)
    flush("c4")
    res = await asyncio.gather(t1, t2, t3, t4, return_exceptions=True)
    flush("slow done")
    print([outcome(r) for r in res], "count", g.count, "shared", SHARED.get("slow"))

    print("-- forget: old callers keep the old flight, new callers start afresh")
    t5 = asyncio.create_task(caller("d1", "k"))
    await asyncio.sleep(0)
    print("forget ->", g.forget("k"), "again ->", g.forget("k"))
    t6 = asyncio.create_task(caller("d2", "k"))
    res = await asyncio.gather(t5, t6)
    flush("forget")
    print(res, "count", g.count)

    print("-- a flight cancelled from outside reaches its callers")
    ts = [asyncio.create_task(caller("e%d" % i, "slowx")) for i in range(2)]
    await asyncio.sleep(0)
    g.flights["slowx"].task.cancel("operator")
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("outside cancel")
    print([outcome(r) for r in res])

    print("-- one of two callers cancelled after k iterations of a 3-tick flight")
    for k in range(1, 7):
        key = "k%d" % k
        t7 = asyncio.create_task(caller("f1", key))
        t8 = asyncio.create_task(caller("f2", key))
        for _ in range(k):
            await asyncio.sleep(0)
        landed = g.flights.get(key) is None
        print("k=%d landed" % k, landed, "cancel f1 ->", t7.cancel("f1 late"))
        res = await asyncio.gather(t7, t8, return_exceptions=True)
        flush("  k=%d" % k)
        print("  ", [outcome(r) for r in res], "count", g.count[key])
    print("flights left", sorted(g.flights), "loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
