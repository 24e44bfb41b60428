import asyncio
import math

# A token-bucket rate limiter driven by loop.time(): tokens accrue at `rate` per second up to
# `capacity`; try_acquire(n) takes n tokens or refuses with a retry-after; acquire(n) waits in
# FIFO order behind a Lock, sleeping exactly the deficit each time. Checked: a burst against a
# full bucket, the cap on accrual, bad arguments (n above capacity, negative n, a zero or negative
# rate: ValueError, and the bucket keeps working), waiters granted one per 0.2 s in arrival order,
# a waiter cancelled while queued and one cancelled while it holds the line (sleeping inside the
# lock: the next waiter takes over), a wait_for timeout around acquire() (no tokens lost),
# weighted requests, and a rate-limited client pool whose report counts granted and refused calls.
# Times are printed as whole 0.2 s slots counted from the bucket's last refill (rounded down, 20
# ms of slack for an early clock read), never raw, and every checkpoint is 100 ms or more before a
# token boundary.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Bucket:
    def __init__(self, rate, capacity):
        if rate <= 0:
            raise ValueError("rate must be > 0, got %r" % (rate,))
        if capacity < 1:
            raise ValueError("capacity must be >= 1, got %r" % (capacity,))
        self.loop = asyncio.get_running_loop()
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.last = self.loop.time()
        self.lock = asyncio.Lock()
        self.granted = 0
        self.refused = 0

    def _refill(self):
        now = self.loop.time()
        self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now

    def _check(self, n):
        if n < 0:
            raise ValueError("negative token count %r" % (n,))
        if n > self.capacity:
            raise ValueError("%r tokens exceed capacity %r" % (n, self.capacity))

    def try_acquire(self, n=1):
        self._check(n)
        self._refill()
        if self.tokens >= n:
            self.tokens -= n
            self.granted += 1
            return True, 0.0
        self.refused += 1
        return False, (n - self.tokens) / self.rate

    def level(self):
        self._refill()
        return int(self.tokens)

    async def acquire(self, who, n=1):
        self._check(n)
        async with self.lock:
            log.append("%s holds the line" % who)
            while True:
                self._refill()
                if self.tokens >= n:
                    self.tokens -= n
                    self.granted += 1
                    return
                await asyncio.sleep((n - self.tokens) / self.rate)

def slot(t0):
    return int((asyncio.get_running_loop().time() - t0 + 0.02) / 0.2)

async def main():
    loop = asyncio.get_running_loop()
    print("-- bad buckets")
    for args in ((0, 3), (-2.5, 3), (5, 0), (5, 0.5)):
        try:
            Bucket(*args)
        except ValueError as e:
            print("Bucket%r -> %r" % (args, e))

    b = Bucket(5, 3)
    print("-- a burst against a full bucket (capacity 3, 5 tokens/s)")
    for i in range(5):
        ok, retry = b.try_acquire()
        # The retry-after, rounded up to whole 0.2 s slots: 0.2 s for as long as the burst takes
        # under 200 ms (a %.1f of the raw value left only 50 ms of slack on a loaded machine).
        print("request", i, "granted" if ok else "refused, retry after %.1f s" % (math.ceil(retry * 5) / 5))
    print("level", b.level(), "granted", b.granted, "refused", b.refused)
    for n in (4, -1, 3.5):
        try:
            b.try_acquire(n)
        except ValueError as e:
            print("try_acquire(%r) -> %r" % (n, e))
    print("try_acquire(0) ->", b.try_acquire(0)[0], "level", b.level())

    print("-- accrual: 0.41 s gives 2 tokens, 0.6 s more is capped at 3")
    await asyncio.sleep(0.41)
    print("level after 0.41 s", b.level())
    await asyncio.sleep(0.6)
    print("level after 1.01 s", b.level(), "tokens", b.tokens)
    print("weighted: take 3 ->", b.try_acquire(3)[0], "take 1 ->", b.try_acquire(1)[0],
          "level", b.level())

    print("-- five waiters on an empty bucket, granted one per 0.2 s in order")
    t0 = b.last
    grants = []

    async def waiter(who, n=1):
        try:
            await b.acquire(who, n)
        except asyncio.CancelledError as e:
            log.append("%s cancelled %r" % (who, str(e)))
            raise
        grants.append((who, slot(t0)))
        log.append("%s granted %d at slot %d" % (who, n, slot(t0)))
        return who

    ws = [asyncio.create_task(waiter("w%d" % i), name="w%d" % i) for i in range(5)]
    await asyncio.sleep(0)
    flush("queued")
    print("lock", "locked" if b.lock.locked() else "free")
    ws[3].cancel("w3 hung up")
    await asyncio.sleep(0.05)
    flush("0.05 s")
    print("cancel the head of the line (w0, sleeping inside the lock) ->", ws[0].cancel("w0 gone"))
    await asyncio.sleep(0)
    flush("w0 cancelled")
    res = await asyncio.gather(*ws, return_exceptions=True)
    flush("drained")
    print("results", [r if isinstance(r, str) else type(r).__name__ for r in res])
    print("grants", grants, "level", b.level())

    print("-- wait_for around acquire: the timeout leaves the tokens and the lock alone")
    await asyncio.sleep(0.1)
    try:
        await asyncio.wait_for(b.acquire("big", 3), 0.2)
    except asyncio.TimeoutError as e:
        print("big: TimeoutError %r, lock %s" % (str(e), "locked" if b.lock.locked() else "free"))
    flush("timeout")
    t0 = loop.time()
    await b.acquire("small", 1)
    print("small granted at slot", slot(t0), "level", b.level())
    flush("after")

    print("-- a client pool: 3 clients x 3 calls, try first, wait when refused")
    await asyncio.sleep(0.7)
    print("level", b.level())
    t0 = b.last

    async def client(c):
        out = []
        for k in range(3):
            ok, retry = b.try_acquire()
            if ok:
                out.append("%d:now@%d" % (k, slot(t0)))
            else:
                await b.acquire("c%d.%d" % (c, k))
                out.append("%d:waited@%d" % (k, slot(t0)))
            await asyncio.sleep(0)
        return "c%d %s" % (c, " ".join(out))

    for line in await asyncio.gather(*[client(c) for c in range(3)]):
        print(" ", line)
    flush("pool")
    print("granted", b.granted, "refused", b.refused, "level", b.level())
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
