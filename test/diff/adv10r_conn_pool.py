import asyncio

# A connection pool of at most `size` connections, created lazily by an async connect (a few
# sleep(0) ticks; the second connect attempt fails with OSError and frees its slot). Callers
# acquire through wait_for(free.get(), timeout) when nothing is free and the pool is full; use()
# releases on the way out and discards a connection whose body raised ConnectionError (a
# replacement is connected for whoever waits); connections are recycled after 3 uses. Checked:
# FIFO hand-over to waiters, a waiter cancelled in the iteration after a release woke it (the
# connection passes to the next waiter, none is lost), acquire timeouts (0.15 s and 0.45 s),
# 3.11's wait_for(get, 0) that times out even with a connection free (the get never runs and the
# connection stays in the pool), a timeout that is not a number (TypeError), and close(): waiters
# get PoolClosed, connections in use are closed on release, later acquires fail at once. Stats
# after each phase.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class PoolClosed(Exception):
    pass

class Conn:
    def __init__(self, n):
        self.n = n
        self.uses = 0
        self.open = True

    def __repr__(self):
        return "<conn%d uses=%d%s>" % (self.n, self.uses, "" if self.open else " closed")

class Pool:
    def __init__(self, size, max_uses=3):
        self.size = size
        self.max_uses = max_uses
        self.free = asyncio.Queue()
        self.created = 0
        self.opened = 0
        self.closed_conns = 0
        self.waiting = 0
        self.closed = False
        self.connects = 0

    async def _connect(self, who):
        self.connects += 1
        attempt = self.connects
        self.created += 1
        log.append("%s connects (attempt %d)" % (who, attempt))
        try:
            for _ in range(2):
                await asyncio.sleep(0)
            if attempt == 2:
                raise OSError("connect refused (attempt %d)" % attempt)
        except BaseException:
            self.created -= 1
            raise
        self.opened += 1
        return Conn(self.opened)

    async def acquire(self, who, timeout=None):
        if self.closed:
            raise PoolClosed("pool is closed")
        if self.free.empty() and self.created < self.size:
            return await self._connect(who)
        self.waiting += 1
        try:
            conn = await asyncio.wait_for(self.free.get(), timeout)
        finally:
            self.waiting -= 1
        if conn is None:
            raise PoolClosed("pool closed while %s waited" % who)
        return conn

    def _close(self, conn, why):
        conn.open = False
        self.created -= 1
        self.closed_conns += 1
        log.append("close %r (%s)" % (conn, why))

    def release(self, conn, broken=False):
        if self.closed:
            self._close(conn, "pool closed")
        elif broken:
            self._close(conn, "broken")
            if self.waiting:
                asyncio.create_task(self._replace())
        elif conn.uses >= self.max_uses:
            self._close(conn, "recycled")
            if self.waiting:
                asyncio.create_task(self._replace())
        else:
            self.free.put_nowait(conn)

    async def _replace(self):
        try:
            conn = await self._connect("replacer")
        except OSError as e:
            log.append("replacer failed: %r" % e)
            return
        self.free.put_nowait(conn)

    async def use(self, who, ticks, fail=False, timeout=None):
        conn = await self.acquire(who, timeout)
        conn.uses += 1
        log.append("%s got %r" % (who, conn))
        broken = False
        try:
            for _ in range(ticks):
                await asyncio.sleep(0)
            if fail:
                raise ConnectionError("%s: connection dropped" % who)
            return "%s used conn%d" % (who, conn.n)
        except ConnectionError:
            broken = True
            raise
        finally:
            self.release(conn, broken)

    def close(self):
        self.closed = True
        n = 0
        while not self.free.empty():
            self._close(self.free.get_nowait(), "idle at close")
        for _ in range(self.waiting):
            self.free.put_nowait(None)
            n += 1
        return n

    def stats(self):
        return "created=%d opened=%d closed=%d free=%d waiting=%d" % (
            self.created, self.opened, self.closed_conns, self.free.qsize(), self.waiting)

def peek(q):
    items = [q.get_nowait() for _ in range(q.qsize())]
    for x in items:
        q.put_nowait(x)
    return items

def outcome(x):
    if isinstance(x, BaseException):
        return "%s(%r)" % (type(x).__name__, str(x))
    return repr(x)

async def main():
    pool = Pool(2)

    async def user(who, ticks, fail=False, timeout=None):
        try:
            r = await pool.use(who, ticks, fail, timeout)
        except asyncio.CancelledError as e:
            log.append("%s cancelled %r" % (who, str(e)))
            raise
        except (OSError, asyncio.TimeoutError, PoolClosed) as e:
            log.append("%s <- %s" % (who, outcome(e)))
            raise
        log.append("%s done" % who)
        return r

    print("-- five users on a pool of two; the second connect fails")
    res = await asyncio.gather(*[user("u%d" % i, 2) for i in range(5)], return_exceptions=True)
    flush("round 1")
    print([outcome(r) for r in res])
    print("stats", pool.stats(), "free", peek(pool.free))

    print("-- recycling after 3 uses; a broken connection replaced for a waiter")
    res = await asyncio.gather(user("v0", 1), user("v1", 3, fail=True), user("v2", 1),
                               user("v3", 1), user("v4", 0), return_exceptions=True)
    flush("round 2")
    print([outcome(r) for r in res])
    print("stats", pool.stats())

    print("-- a waiter cancelled in the iteration after a release woke it")
    holders = [asyncio.create_task(user("h%d" % i, 4)) for i in range(2)]
    await asyncio.sleep(0)
    waiters = [asyncio.create_task(user("x%d" % i, 1)) for i in range(3)]
    for i in range(12):
        await asyncio.sleep(0)
        if any(h.done() for h in holders) and not waiters[0].done():
            print("tick", i, "holder done; cancel x0 ->", waiters[0].cancel("x0 gave up"))
            break
    res = await asyncio.gather(*holders, *waiters, return_exceptions=True)
    flush("hand-over")
    print([outcome(r) for r in res])
    print("stats", pool.stats())

    print("-- acquire timeouts")
    async def hog(who, until):
        conn = await pool.acquire(who)
        log.append("%s holds %r" % (who, conn))
        try:
            await until.wait()
        finally:
            pool.release(conn)

    release = asyncio.Event()
    hogs = [asyncio.create_task(hog("hog%d" % i, release)) for i in range(2)]
    for _ in range(5):
        await asyncio.sleep(0)
    res = await asyncio.gather(user("t1", 0, timeout=0.15), user("t2", 0, timeout=0.45),
                               user("t3", 0, timeout=0), user("t4", 0, timeout=-1),
                               return_exceptions=True)
    flush("timeouts")
    print([outcome(r) for r in res])
    print("stats", pool.stats())
    release.set()
    await asyncio.gather(*hogs)
    print("free now", pool.free.qsize())
    try:
        await user("t5", 0, timeout=0)
    except asyncio.TimeoutError:
        pass
    flush("timeout 0 with a free connection")
    print("stats", pool.stats())
    try:
        await pool.acquire("bad", "soon")
    except TypeError:
        print("timeout 'soon' -> TypeError")
    print("stats", pool.stats())

    print("-- close with waiters and a connection in use")
    long = [asyncio.create_task(user("L%d" % i, 6)) for i in range(2)]
    await asyncio.sleep(0)
    late = [asyncio.create_task(user("W%d" % i, 0)) for i in range(2)]
    for _ in range(3):
        await asyncio.sleep(0)
    print("close -> woke", pool.close(), "stats", pool.stats())
    res = await asyncio.gather(*long, *late, return_exceptions=True)
    try:
        await user("after", 0)
    except PoolClosed:
        pass
    flush("closed")
    print([outcome(r) for r in res])
    print("stats", pool.stats())
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
