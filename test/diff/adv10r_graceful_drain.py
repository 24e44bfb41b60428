import asyncio

# Graceful shutdown with a drain deadline. Requests arrive in batches by loop.call_at (0.0, 0.1,
# 0.2 and, after the stop, 0.6 s); a "SIGTERM" callback at 0.4 s sets the stop event. The server
# then stops accepting (late arrivals get 503 at once), waits for in-flight requests with
# wait() until 0.7 s, cancels the stragglers ("drain deadline"), gives them a second grace of
# wait() until 1.0 s (one cleans up for a few ticks and re-raises, one uncancels itself and
# finishes at 0.8 s with a result (sleeps run to absolute deadlines, so delays do not add up), one
# swallows the first cancel and dies on the second), force-cancels what is left, cancels
# fire-and-forget background tasks, and reports everything with gather(return_exceptions=True).
# Times are printed in whole tenths (rounded down); real-time events are 100 ms apart, at whole
# tenths.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Server:
    def __init__(self, loop, t0):
        self.loop = loop
        self.t0 = t0
        self.accepting = True
        self.inflight = {}
        self.finished = {}
        self.background = set()
        self.rejected = []
        self.stop = asyncio.Event()

    def at(self):
        return int((self.loop.time() - self.t0 + 0.001) * 10)

    def arrive_batch(self, batch):
        for rid, kind, arg in batch:
            self.arrive(rid, kind, arg)

    def arrive(self, rid, kind, arg):
        if not self.accepting:
            self.rejected.append(rid)
            log.append("%s rejected 503 at %d" % (rid, self.at()))
            return
        t = asyncio.create_task(self.handle(rid, kind, arg), name=rid)
        self.inflight[rid] = t
        t.add_done_callback(self._done)
        log.append("%s accepted at %d" % (rid, self.at()))

    def _done(self, t):
        rid = t.get_name()
        del self.inflight[rid]
        self.finished[rid] = t
        if t.cancelled():
            log.append("%s ended cancelled" % rid)
        elif t.exception() is not None:
            log.append("%s ended with %r" % (rid, t.exception()))
        else:
            log.append("%s ended: %s" % (rid, t.result()))

    def spawn(self, coro, name):
        t = asyncio.create_task(coro, name=name)
        self.background.add(t)
        t.add_done_callback(self.background.discard)

    async def handle(self, rid, kind, arg):
        me = asyncio.current_task()
        if kind == "fast":
            for _ in range(arg):
                await asyncio.sleep(0)
            self.spawn(audit(rid), "audit-" + rid)
            return "200 fast"
        if kind == "sleep":
            await asyncio.sleep(self.t0 + arg - self.loop.time())
            return "200 after %d" % self.at()
        if kind == "fail":
            await asyncio.sleep(0)
            raise ValueError("%s: bad input %r" % (rid, arg))
        try:
            await asyncio.sleep(5)
            return "200 never"
        except asyncio.CancelledError as e:
            log.append("%s sees cancel %r at %d" % (rid, str(e), self.at()))
            if kind == "cleanup":
                for i in range(arg):
                    await asyncio.sleep(0)
                log.append("%s cleaned up in %d ticks" % (rid, arg))
                raise
            if kind == "ignore":
                me.uncancel()
                await asyncio.sleep(self.t0 + arg - self.loop.time())
                return "200 late at %d" % self.at()
            if kind == "obstinate":
                try:
                    await asyncio.sleep(5)
                except asyncio.CancelledError as e2:
                    log.append("%s gives in on %r at %d" % (rid, str(e2), self.at()))
                    raise
            raise

async def audit(rid):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        log.append("audit-%s cancelled %r" % (rid, str(e)))
        raise

def names(ts):
    return sorted(t.get_name() for t in ts)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    srv = Server(loop, t0)
    plan = [(0.0, [("r1", "fast", 2)]),
            (0.1, [("r2", "sleep", 0.3), ("r3", "plain", None)]),
            (0.2, [("r4", "sleep", 0.5), ("r5", "cleanup", 3), ("r6", "ignore", 0.8),
                   ("r7", "obstinate", None), ("r9", "fail", "x")]),
            (0.6, [("r8", "fast", 0)])]
    for when, batch in plan:
        loop.call_at(t0 + when, srv.arrive_batch, batch)
    sig = loop.call_at(t0 + 0.4, lambda: (log.append("SIGTERM at %d" % srv.at()), srv.stop.set()))
    await srv.stop.wait()
    srv.accepting = False
    flush("running")
    print("stop at", srv.at(), "in flight", sorted(srv.inflight), "finished", sorted(srv.finished),
          "background", names(srv.background), "sig", sig.cancelled())

    done, pending = await asyncio.wait(list(srv.inflight.values()), timeout=t0 + 0.7 - loop.time())
    flush("drain")
    print("drained at", srv.at(), "done", names(done), "pending", names(pending))
    for t in sorted(pending, key=lambda t: t.get_name()):
        print("  cancel", t.get_name(), "->", t.cancel("drain deadline"))
    done2, pending2 = await asyncio.wait(pending, timeout=t0 + 1.0 - loop.time())
    flush("grace")
    print("grace over at", srv.at(), "done", names(done2), "pending", names(pending2))
    for t in sorted(pending2, key=lambda t: t.get_name()):
        print("  force", t.get_name(), "->", t.cancel("forced"), "cancelling", t.cancelling())
    bg = list(srv.background)
    for t in bg:
        t.cancel("shutdown")
    everything = sorted(srv.finished.values(), key=lambda t: t.get_name()) + \
        sorted(srv.inflight.values(), key=lambda t: t.get_name()) + bg
    res = await asyncio.gather(*everything, return_exceptions=True)
    flush("forced")
    print("report:")
    for t, r in zip(everything, res):
        if isinstance(r, asyncio.CancelledError):
            what = "cancelled %r" % str(r)
        elif isinstance(r, BaseException):
            what = "error %r" % r
        else:
            what = r
        print("  %-9s %s" % (t.get_name(), what))
    print("rejected", srv.rejected, "in flight", sorted(srv.inflight), "background", names(srv.background))
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
