# W5 timer-fire (BENCH.md) for CPython asyncio / uvloop: 100,000 timers, delays uniform in
# [0, 1 s) from the shared LCG, scheduled in one burst; prints JSON lateness figures (µs).
import asyncio, json, sys, time

def lcg(seed=12345):
    x = seed
    while True:
        x = (1664525 * x + 1013904223) % 2**32
        yield x / 2**32

async def main():
    loop = asyncio.get_running_loop()
    n = 100_000
    r = lcg()
    fired = [0.0] * n
    deadlines = [0.0] * n
    left = [n]
    done = loop.create_future()
    def cb(i):
        fired[i] = time.monotonic()
        left[0] -= 1
        if left[0] == 0:
            done.set_result(None)
    t0 = time.monotonic()
    for i in range(n):
        h = loop.call_later(next(r), cb, i)
        deadlines[i] = h.when()
    burst_end = time.monotonic()
    await done
    wall = time.monotonic() - t0
    late = sorted((fired[i] - max(deadlines[i], burst_end)) * 1e6 for i in range(n))
    earliest = min((fired[i] - deadlines[i]) * 1e6 for i in range(n))
    print(json.dumps({"p50": late[n // 2], "p99": late[int(n * 0.99)], "max": late[-1], "earliest": earliest, "wall": wall}))

if len(sys.argv) > 1 and sys.argv[1] == "uvloop":
    import uvloop
    uvloop.install()
asyncio.run(main())
