import asyncio

# A circuit breaker (closed / open / half-open) around a flaky service. The service follows a
# script, one outcome per call it sees: ok after a few sleep(0) ticks, an error (ValueError or
# KeyError), or a hang that the breaker's wait_for(call_timeout) turns into TimeoutError. Three
# failures in a row open the breaker (a success resets the count); while open, calls are refused
# at once with CircuitOpen; after reset_after seconds (measured with loop.time()) the next caller
# becomes the half-open trial and the others are refused while it runs; a trial that succeeds
# closes the breaker, one that fails reopens it; a trial cancelled by its caller is not counted
# and frees the slot for the next caller. Calls that were in flight when the breaker opened come
# back late and are ignored. A second breaker with call_timeout 0 fails calls without the service
# ever running them, and one with a negative threshold rejects nothing. Sleeps between phases are
# 100 ms or more away from the reset deadline.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class CircuitOpen(Exception):
    pass

class Breaker:
    def __init__(self, name, threshold, reset_after, call_timeout):
        self.name = name
        self.threshold = threshold
        self.reset_after = reset_after
        self.call_timeout = call_timeout
        self.state = "closed"
        self.failures = 0
        self.opened_at = None
        self.trial = None
        self.transitions = []

    def _move(self, state, why):
        self.transitions.append("%s>%s(%s)" % (self.state, state, why))
        self.state = state
        if state == "open":
            self.opened_at = asyncio.get_running_loop().time()
            self.failures = 0

    async def call(self, who, fn, *args):
        loop = asyncio.get_running_loop()
        me = asyncio.current_task()
        if self.state == "open":
            if loop.time() - self.opened_at >= self.reset_after:
                self._move("half-open", who)
            else:
                log.append("%s refused (open)" % who)
                raise CircuitOpen("%s is open" % self.name)
        if self.state == "half-open":
            if self.trial is not None:
                log.append("%s refused (trial %s running)" % (who, self.trial.get_name()))
                raise CircuitOpen("%s is half-open" % self.name)
            self.trial = me
            log.append("%s is the trial" % who)
        started_in = self.state
        try:
            r = await asyncio.wait_for(fn(*args), self.call_timeout)
        except asyncio.CancelledError as e:
            if self.trial is me:
                self.trial = None
            log.append("%s gave up (%r), not counted, cancelling=%d" % (who, str(e), me.cancelling()))
            raise
        except Exception as e:
            self._failure(who, me, started_in, e)
            raise
        self._success(who, me, started_in)
        return r

    def _failure(self, who, me, started_in, e):
        if self.trial is me:
            self.trial = None
            self._move("open", "trial %s failed: %s" % (who, type(e).__name__))
        elif self.state != started_in or self.state != "closed":
            log.append("%s late failure %r ignored (%s)" % (who, e, self.state))
        else:
            self.failures += 1
            log.append("%s failure %d/%d %r" % (who, self.failures, self.threshold, e))
            if self.failures >= self.threshold:
                self._move("open", "%d failures" % self.failures)

    def _success(self, who, me, started_in):
        if self.trial is me:
            self.trial = None
            self._move("closed", "trial %s ok" % who)
        elif self.state != started_in:
            log.append("%s late success ignored (%s)" % (who, self.state))
        else:
            if self.failures:
                log.append("%s success resets %d failures" % (who, self.failures))
            self.failures = 0

class Service:
    def __init__(self, script):
        self.script = list(script)
        self.seen = 0

    async def handle(self, req):
        self.seen += 1
        step = self.script.pop(0) if self.script else "ok:0"
        log.append("svc #%d %s %s" % (self.seen, req, step))
        kind, n = step.split(":")
        if kind == "hang":
            await asyncio.sleep(30)
        for _ in range(int(n)):
            await asyncio.sleep(0)
        if kind == "val":
            raise ValueError("%s rejected" % req)
        if kind == "key":
            raise KeyError(req)
        return "%s:done" % req

def outcome(r):
    if isinstance(r, BaseException):
        return "%s(%r)" % (type(r).__name__, str(r))
    return repr(r)

async def main():
    loop = asyncio.get_running_loop()
    svc = Service(["ok:1", "val:1", "ok:0", "val:0", "key:2", "hang:0",
                   "ok:3", "val:4",
                   "val:1", "hang:0", "ok:2", "ok:0", "val:0", "ok:0", "ok:1"])
    br = Breaker("db", 3, 0.5, 0.2)

    async def client(who, req):
        try:
            r = await br.call(who, svc.handle, req)
        except (CircuitOpen, ValueError, KeyError, asyncio.TimeoutError) as e:
            log.append("%s <- %s" % (who, outcome(e)))
            raise
        log.append("%s <- %r" % (who, r))
        return r

    print("-- closed: failures counted, a success resets, the third in a row opens")
    for i in range(3):
        res = await asyncio.gather(client("c%d" % i, "r%d" % i), return_exceptions=True)
    flush("sequential")
    print("state", br.state, "failures", br.failures)
    res = await asyncio.gather(*[client("d%d" % i, "q%d" % i) for i in range(3)],
                               return_exceptions=True)
    flush("burst")
    print("results", [outcome(r) for r in res])
    print("state", br.state, "failures", br.failures, "seen", svc.seen)

    print("-- open: refused at once, service not called")
    res = await asyncio.gather(*[client("e%d" % i, "x") for i in range(2)], return_exceptions=True)
    flush("refused")
    print("results", [outcome(r) for r in res], "seen", svc.seen)

    print("-- calls in flight when it opens come back late")
    br2 = Breaker("cache", 2, 0.5, 5)
    slow = asyncio.create_task(br2.call("s0", svc.handle, "slow"))
    slow2 = asyncio.create_task(br2.call("s1", svc.handle, "slower"))
    await asyncio.sleep(0)
    br2._move("open", "forced")
    res = await asyncio.gather(slow, slow2, return_exceptions=True)
    flush("late")
    print("results", [outcome(r) for r in res], "br2", br2.state, br2.transitions)

    print("-- still open 0.2 s later")
    await asyncio.sleep(0.2)
    res = await asyncio.gather(client("f0", "y"), return_exceptions=True)
    flush("0.2 s")
    print("state", br.state)

    print("-- half-open: one trial, the rest refused; the trial fails and reopens")
    await asyncio.sleep(0.4)
    res = await asyncio.gather(client("g0", "t1"), client("g1", "t2"), client("g2", "t3"),
                               return_exceptions=True)
    flush("trial 1")
    print("results", [outcome(r) for r in res], "state", br.state)

    print("-- half-open again: the trial's caller gives up; the next caller is the trial")
    await asyncio.sleep(0.6)
    t = asyncio.create_task(client("h0", "t4"), name="h0")
    await asyncio.sleep(0)
    print("trial", br.trial.get_name() if br.trial else None, "state", br.state)
    other = await asyncio.gather(client("h1", "t5"), return_exceptions=True)
    print("h1:", outcome(other[0]))
    print("cancel h0 ->", t.cancel("caller left"))
    res = await asyncio.gather(t, return_exceptions=True)
    print("h0:", outcome(res[0]), "trial", br.trial, "state", br.state)
    res = await asyncio.gather(client("h2", "t6"), client("h3", "t7"), return_exceptions=True)
    flush("trial 2")
    print("results", [outcome(r) for r in res], "state", br.state, "failures", br.failures)

    print("-- closed again: normal traffic")
    res = await asyncio.gather(*[client("k%d" % i, "n%d" % i) for i in range(3)],
                               return_exceptions=True)
    flush("normal")
    print("results", [outcome(r) for r in res], "state", br.state, "failures", br.failures)

    print("-- a cancel landing at each step of a call (one sleep(0) in the service)")
    svc3 = Service(["ok:1"] * 5)
    br3 = Breaker("late", 3, 10, 5)
    for k in range(5):
        t = asyncio.create_task(br3.call("m%d" % k, svc3.handle, "late%d" % k), name="m%d" % k)
        for _ in range(k):
            await asyncio.sleep(0)
        print("k=%d cancel ->" % k, t.cancel("cut %d" % k), "cancelling", t.cancelling())
        res = await asyncio.gather(t, return_exceptions=True)
        flush("  k=%d" % k)
        print("  m%d:" % k, outcome(res[0]), "cancelled", t.cancelled(), "cancelling",
              t.cancelling(), "seen", svc3.seen, "br3", br3.state, br3.failures)
    print("transitions", br.transitions)

    print("-- call_timeout 0: the service never runs")
    br0 = Breaker("zero", 2, 10, 0)
    before = svc.seen
    for i in range(3):
        try:
            await br0.call("z%d" % i, svc.handle, "zz")
        except (CircuitOpen, asyncio.TimeoutError) as e:
            log.append("z%d <- %s" % (i, outcome(e)))
    flush("zero")
    print("seen before", before, "after", svc.seen, "br0", br0.state, br0.transitions)

    print("-- threshold -1 opens at the first failure; threshold 0 at the first too")
    for th in (-1, 0):
        b = Breaker("t%d" % th, th, 10, 1)
        async def bad():
            raise ValueError("nope")
        for i in range(2):
            try:
                await b.call("b%d" % i, bad)
            except Exception as e:
                log.append("b%d <- %s" % (i, outcome(e)))
        flush("threshold %d" % th)
        print("state", b.state, b.transitions)
    print("loop still fine:", await asyncio.wait_for(asyncio.sleep(0, "yes"), 1))

asyncio.run(main())
