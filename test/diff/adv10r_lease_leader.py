import asyncio

# Leader election over a Lock with leases and fencing tokens. A leader holds the lock inside
# asyncio.timeout(None), arms its lease with reschedule() and renews it on every heartbeat
# (heartbeats and every other real-time event fall on whole fifths of a second; times are printed
# in whole fifths, rounded down: 200 ms of slack). Leader A stalls in a shielded slow write: its lease expires
# (TimeoutError, it steps down and releases), the write runs on and lands later with a stale
# fencing token (the store rejects it). B waits for the lock, takes over, beats twice, ends its
# term and disarms its lease (reschedule(None)); C campaigns under wait_for(0.6) and gives up; E
# is cancelled while campaigning; D campaigns under timeout_at(), wins, and moves its lease into
# the past: it expires at D's next suspension. The lock's state, the terms, the store's writes and
# the Timeout reprs (from the bracket on) are traced.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

def cm_state(cm):
    s = repr(cm)
    return s[s.index("["):s.index("]") + 1] + (" when=None" if cm.when() is None else "")

class Store:
    def __init__(self):
        self.term = 0
        self.writes = []

    def new_term(self, who):
        self.term += 1
        return self.term

    def write(self, who, token, value):
        if token != self.term:
            log.append("store rejects %s's write %r: token %d, term %d" % (who, value, token, self.term))
            return False
        self.writes.append((token, who, value))
        log.append("store accepts %s's write %r (term %d)" % (who, value, token))
        return True

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    lock = asyncio.Lock()
    store = Store()
    lease = 0.6

    def at():
        return int((loop.time() - t0 + 0.001) * 5)

    async def until(tenths):
        await asyncio.sleep(t0 + tenths / 5 - loop.time())

    async def slow_write(who, token, value, done_at):
        await until(done_at)
        return store.write(who, token, value)

    async def lead(who, beats, stall_at=None, past=False):
        token = store.new_term(who)
        log.append("%s leads term %d at %d (lock %s)" % (who, token, at(), "locked" if lock.locked() else "free"))
        try:
            async with asyncio.timeout(None) as cm:
                cm.reschedule(loop.time() + lease)
                log.append("%s lease %s" % (who, cm_state(cm)))
                if past:
                    cm.reschedule(loop.time() - 1)
                    log.append("%s moved its lease into the past: %s expired=%s" % (who, cm_state(cm), cm.expired()))
                    await asyncio.sleep(0)
                    log.append("never reached")
                for b in beats:
                    await until(b)
                    if b == stall_at:
                        log.append("%s stalls in a slow write at %d" % (who, at()))
                        await asyncio.shield(writes.setdefault(who, asyncio.create_task(slow_write(who, token, "late", 8))))
                    store.write(who, token, "beat@%d" % b)
                    cm.reschedule(loop.time() + lease)
                cm.reschedule(None)
                log.append("%s ends its term at %d, lease %s" % (who, at(), cm_state(cm)))
            return "%s served term %d" % (who, token)
        except TimeoutError:
            log.append("%s lease expired at %d, expired=%s; steps down" % (who, at(), cm.expired()))
            return "%s lost term %d" % (who, token)

    writes = {}

    async def candidate(who, beats, how=None, arg=None, **kw):
        log.append("%s campaigns at %d" % (who, at()))
        try:
            if how == "wait_for":
                await asyncio.wait_for(lock.acquire(), arg)
            elif how == "timeout_at":
                async with asyncio.timeout_at(t0 + arg) as cm:
                    await lock.acquire()
                log.append("%s campaign cm %s" % (who, cm_state(cm)))
            else:
                await lock.acquire()
        except TimeoutError:
            log.append("%s gives up at %d" % (who, at()))
            return "%s never led" % who
        except asyncio.CancelledError as e:
            log.append("%s withdrawn at %d %r" % (who, at(), str(e)))
            raise
        try:
            return await lead(who, beats, **kw)
        finally:
            lock.release()
            log.append("%s released the lock at %d" % (who, at()))

    a = asyncio.create_task(candidate("A", [2, 4, 6], stall_at=4), name="A")
    await asyncio.sleep(0)
    b = asyncio.create_task(candidate("B", [7, 9]), name="B")
    c = asyncio.create_task(candidate("C", [], "wait_for", 0.6), name="C")
    e = asyncio.create_task(candidate("E", []), name="E")
    d = asyncio.create_task(candidate("D", [12], "timeout_at", 3.0, past=True), name="D")
    await asyncio.sleep(0)
    flush("start")
    await until(1)
    e.cancel("E withdraws")
    await asyncio.sleep(0)
    flush("0.1 s")
    res = await asyncio.gather(a, b, c, d, e, return_exceptions=True)
    flush("elections")
    print([r if isinstance(r, str) else type(r).__name__ for r in res])
    w = writes["A"]
    print("A's slow write done", w.done())
    print("accepted", await w)
    flush("late write")
    print("writes", store.writes, "term", store.term, "lock", "locked" if lock.locked() else "free")
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
