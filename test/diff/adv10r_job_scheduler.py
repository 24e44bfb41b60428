import asyncio

# A job scheduler over a PriorityQueue of (priority, seq, name): three workers run jobs under
# wait_for(limit) (5 s; 0.4 s for d, 0.65 s for h); a failed attempt is retried after an
# exponential backoff (2**attempt sleep(0) ticks, in a backoff task) with its priority demoted by
# 10, up to 3 attempts, then the job goes to a dead-letter list with its last error. Jobs: fine,
# failing their first n attempts, always failing, hanging (every attempt of d times out), raising
# CancelledError themselves (a failure, not a cancellation of the worker: the worker tells them
# apart with cancelling()), swallowing their own wait_for cancellation, and jobs released by
# loop.call_at at +0.1 s and +0.3 s; one more is due at +1.5 s and its timer is cancelled at
# shutdown. The jobs that take real time (d, h) are submitted once the tick-only jobs are done,
# and the times above count from then. Shutdown (at 1.35 s): stop accepting (submit raises
# RuntimeError), cancel backoff tasks (their jobs dead-lettered as "shutdown"), cancel the
# workers, and drain the queue in priority order. One worker is cancelled in the iteration its job
# fails: 3.11's wait_for then raises the job's error and the cancellation is lost, so the worker
# goes on (it starts a backoff task, whose requeue is refused), survives wait(timeout=0.2) and is
# cancelled again. Real-time events are 100 ms or more apart.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class JobFailed(Exception):
    pass

class Scheduler:
    def __init__(self, behaviours, limits, nworkers=3, max_attempts=3):
        self.q = asyncio.PriorityQueue()
        self.seq = 0
        self.behaviours = behaviours
        self.attempts = {}
        self.done = {}
        self.dead = []
        self.backoffs = set()
        self.accepting = True
        self.max_attempts = max_attempts
        self.limits = limits
        self.workers = [asyncio.create_task(self._worker("w%d" % i), name="w%d" % i)
                        for i in range(nworkers)]

    def submit(self, name, prio):
        if not self.accepting:
            raise RuntimeError("scheduler stopped, %s refused" % name)
        self.seq += 1
        self.q.put_nowait((prio, self.seq, name))
        return self.seq

    async def _run_job(self, name, attempt):
        kind = self.behaviours[name]
        if kind.startswith("fail"):
            await asyncio.sleep(0)
            if attempt <= int(kind[4:]):
                raise JobFailed("%s attempt %d" % (name, attempt))
        elif kind == "always":
            raise JobFailed("%s always fails" % name)
        elif kind == "hang":
            await asyncio.sleep(30)
        elif kind == "selfcancel":
            await asyncio.sleep(0)
            raise asyncio.CancelledError("%s gave up on itself" % name)
        elif kind == "headstrong":
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                return "%s ignored the timeout" % name
        return "%s ok#%d" % (name, attempt)

    async def _backoff(self, name, prio, attempt):
        ticks = 2 ** attempt
        try:
            for _ in range(ticks):
                await asyncio.sleep(0)
        except asyncio.CancelledError:
            self.dead.append((name, "shutdown during backoff"))
            raise
        try:
            self.submit(name, prio)
        except RuntimeError as e:
            self.dead.append((name, str(e)))
            log.append("requeue %s refused" % name)
            return
        log.append("requeue %s prio %d after %d ticks" % (name, prio, ticks))

    def _failed(self, w, name, prio, attempt, why):
        if attempt >= self.max_attempts:
            self.dead.append((name, why))
            log.append("%s: %s dead (%s)" % (w, name, why))
            return
        log.append("%s: %s failed (%s), backoff" % (w, name, why))
        t = asyncio.create_task(self._backoff(name, prio + 10, attempt), name="backoff-" + name)
        self.backoffs.add(t)
        t.add_done_callback(self.backoffs.discard)

    async def _worker(self, w):
        me = asyncio.current_task()
        while True:
            prio, seq, name = await self.q.get()
            attempt = self.attempts[name] = self.attempts.get(name, 0) + 1
            log.append("%s takes %s (prio %d seq %d try %d)" % (w, name, prio, seq, attempt))
            try:
                r = await asyncio.wait_for(self._run_job(name, attempt), self.limits.get(name, 5))
            except asyncio.TimeoutError:
                self._failed(w, name, prio, attempt, "timeout")
            except JobFailed as e:
                self._failed(w, name, prio, attempt, "JobFailed: %s" % e)
            except asyncio.CancelledError as e:
                if me.cancelling():
                    log.append("%s cancelled while running %s" % (w, name))
                    self.dead.append((name, "worker cancelled"))
                    raise
                self._failed(w, name, prio, attempt, "CancelledError: %s" % e)
            else:
                self.done[name] = r
                log.append("%s: %s -> %r" % (w, name, r))
            finally:
                self.q.task_done()

    async def shutdown(self):
        self.accepting = False
        bs = sorted(self.backoffs, key=lambda t: t.get_name())
        for t in bs:
            t.cancel()
        await asyncio.gather(*bs, return_exceptions=True)
        for w in self.workers:
            w.cancel("shutdown")
        done, pending = await asyncio.wait(self.workers, timeout=0.2)
        for w in sorted(pending, key=lambda t: t.get_name()):
            log.append("%s survived the cancel, cancelling=%d, again -> %s"
                       % (w.get_name(), w.cancelling(), w.cancel("shutdown, really")))
        res = await asyncio.gather(*self.workers, return_exceptions=True)
        left = []
        while not self.q.empty():
            left.append(self.q.get_nowait())
        return [type(r).__name__ for r in res], left

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    behaviours = {"a": "ok", "b": "fail1", "c": "always", "d": "hang", "e": "selfcancel",
                  "f": "fail2", "g": "ok", "h": "headstrong", "late1": "fail1", "late2": "ok",
                  "never": "ok", "x": "ok", "y": "ok", "z": "fail1",
                  "q": "fail2", "r": "hang", "s1": "hang", "s2": "ok", "s3": "ok"}
    s = Scheduler(behaviours, {"d": 0.4, "h": 0.65})
    for name, prio in (("a", 5), ("b", 1), ("c", 3), ("e", 2), ("f", 2), ("g", 9)):
        s.submit(name, prio)
    print("queued", s.q.qsize())
    for _ in range(60):
        await asyncio.sleep(0)
    flush("first ticks")
    print("done so far", sorted(s.done), "backoffs", sorted(t.get_name() for t in s.backoffs))
    t0 = loop.time()

    async def until(t):
        await asyncio.sleep(t0 + t - loop.time())

    s.submit("d", 0)
    s.submit("h", 4)
    h1 = loop.call_at(t0 + 0.1, s.submit, "late1", 0)
    h2 = loop.call_at(t0 + 0.3, s.submit, "late2", 7)
    h3 = loop.call_at(t0 + 1.5, s.submit, "never", 0)
    await until(0.2)
    flush("0.2 s")
    await until(0.55)
    flush("0.55 s")
    s.submit("x", 1)
    s.submit("z", 0)
    s.submit("y", 1)
    await until(1.35)
    flush("1.35 s")
    for name, prio in (("q", 0), ("r", 1), ("s1", 2), ("s2", 3), ("s3", 3)):
        s.submit(name, prio)
    for _ in range(3):
        await asyncio.sleep(0)
    flush("last jobs")
    print("timers", h1.cancelled(), h2.cancelled(), "cancel h3 ->", h3.cancel(), h3.cancelled())
    workers, left = await s.shutdown()
    flush("shutdown")
    print("workers", workers, "left", left)
    try:
        s.submit("after", 0)
    except RuntimeError as e:
        print("submit after stop ->", repr(e))
    print("attempts", sorted(s.attempts.items()))
    for name in sorted(s.done):
        print("  done", name, repr(s.done[name]))
    for name, why in s.dead:
        print("  dead", name, why)
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
