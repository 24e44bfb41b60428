import asyncio

# A single-flight cache: concurrent lookups of one key share one in-flight fetch task; each
# caller awaits it through shield() so a caller that is cancelled or times out (wait_for) does
# not cancel the fetch for the others; a failed fetch reaches every waiter with the same
# exception object and is evicted so the next lookup retries; a fetch cancelled by invalidate()
# reaches its waiters as CancelledError; a done callback on the fetch task fills the cache (in
# the iteration after the fetch finishes, before the waiters resume). The trace shows who
# fetched, who waited, who got what, the cache's contents and fetch counts.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Cache:
    def __init__(self, loader):
        self.loader = loader
        self.values = {}
        self.inflight = {}
        self.fetches = {}

    def _filled(self, key, task):
        self.inflight.pop(key, None)
        if task.cancelled():
            log.append("fill %s: cancelled" % key)
        elif task.exception() is not None:
            log.append("fill %s: evicted after %r" % (key, task.exception()))
        else:
            self.values[key] = task.result()
            log.append("fill %s = %r" % (key, task.result()))

    async def get(self, who, key, timeout=None):
        if key in self.values:
            log.append("%s hit %s" % (who, key))
            return self.values[key]
        task = self.inflight.get(key)
        if task is None:
            self.fetches[key] = self.fetches.get(key, 0) + 1
            task = asyncio.create_task(self.loader(key, self.fetches[key]), name="fetch-" + key)
            task.add_done_callback(lambda t, key=key: self._filled(key, t))
            self.inflight[key] = task
            log.append("%s starts fetch %s#%d" % (who, key, self.fetches[key]))
        else:
            log.append("%s joins fetch %s" % (who, key))
        return await asyncio.wait_for(asyncio.shield(task), timeout)

    def invalidate(self, key):
        self.values.pop(key, None)
        t = self.inflight.get(key)
        return t.cancel("invalidated %s" % key) if t else None

async def loader(key, n):
    plan = {"a": ["ok:2"], "b": ["fail:1", "ok:1"], "c": ["ok:30"], "d": ["ok:3", "ok:1"],
            "s": ["sleep", "ok:0"]}[key]
    step = plan[min(n, len(plan)) - 1]
    log.append("loader %s#%d %s" % (key, n, step))
    if step == "sleep":
        await asyncio.sleep(0.3)
        return "%s slow" % key
    kind, ticks = step.split(":")
    for _ in range(int(ticks)):
        await asyncio.sleep(0)
    if kind == "fail":
        raise LookupError("%s#%d unavailable" % (key, n))
    return "%s=%d" % (key.upper(), n)

async def main():
    cache = Cache(loader)
    errors = {}

    async def caller(who, key, timeout=None):
        try:
            v = await cache.get(who, key, timeout)
            log.append("%s got %r" % (who, v))
            return v
        except asyncio.TimeoutError:
            log.append("%s timed out on %s" % (who, key))
            return "timeout"
        except asyncio.CancelledError as e:
            log.append("%s cancelled %r" % (who, str(e)))
            raise
        except LookupError as e:
            errors.setdefault(key, []).append(e)
            log.append("%s error %r" % (who, e))
            return "error"

    print("-- concurrent lookups share one fetch")
    ts = [asyncio.create_task(caller("u%d" % i, k)) for i, k in enumerate("aabba")]
    for tick in range(1, 8):
        await asyncio.sleep(0)
        flush("tick %d" % tick)
    print("results", [t.result() for t in ts])
    b_errs = errors.get("b", [])
    print("b errors", len(b_errs), "same object", len(b_errs) == 2 and b_errs[0] is b_errs[1])
    print("again", await asyncio.gather(caller("v0", "a"), caller("v1", "b"), caller("v2", "b")))
    flush("retry")
    print("values", sorted(cache.values.items()), "fetches", sorted(cache.fetches.items()))

    print("-- a waiter cancelled and a waiter timing out leave the fetch alone")
    w1 = asyncio.create_task(caller("x1", "s"))
    w2 = asyncio.create_task(caller("x2", "s", 0.1))
    w3 = asyncio.create_task(caller("x3", "s"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel x1 ->", w1.cancel("x1 left"))
    await asyncio.sleep(0.2)
    flush("0.2 s")
    print("fetch task", cache.inflight["s"].get_name(), "done", cache.inflight["s"].done())
    await w3
    flush("fetched")
    print("w1 cancelled", w1.cancelled(), "w2", w2.result(), "w3", w3.result())

    print("-- invalidate while a fetch is in flight")
    ts = [asyncio.create_task(caller("y%d" % i, "c")) for i in range(3)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("invalidate c ->", cache.invalidate("c"), "again ->", cache.invalidate("c"))
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("invalidated")
    print("results", [type(r).__name__ if isinstance(r, BaseException) else r for r in res])
    print("inflight", sorted(cache.inflight), "invalidate idle ->", cache.invalidate("zz"))

    print("-- a hit, an invalidated value, a refetch")
    print(await caller("z0", "d"), await caller("z1", "d"))
    flush("d twice")
    cache.invalidate("d")
    print(await caller("z2", "d"))
    flush("d refetched")
    print("values", sorted(cache.values.items()), "fetches", sorted(cache.fetches.items()))

asyncio.run(main())
