# W7 latency-under-load (BENCH.md) for CPython asyncio / uvloop: a 1 ms timer re-armed from its
# own callback for 2 s while 4 producer chains keep the ready queue busy (each callback spins
# ~20 µs, then re-schedules itself with call_soon). Prints JSON lateness figures (µs).
import asyncio, json, sys, time

async def main():
    loop = asyncio.get_running_loop()
    late = []
    end = time.monotonic() + 2.0
    done = loop.create_future()
    stop = [False]
    def producer():
        t = time.monotonic() + 20e-6
        while time.monotonic() < t:
            pass
        if not stop[0]:
            loop.call_soon(producer)
    def tick(deadline):
        now = time.monotonic()
        late.append((now - deadline) * 1e6)
        if now >= end:
            stop[0] = True
            done.set_result(None)
            return
        when = loop.time() + 0.001
        loop.call_at(when, tick, when)
    for _ in range(4):
        loop.call_soon(producer)
    when = loop.time() + 0.001
    loop.call_at(when, tick, when)
    await done
    late.sort()
    n = len(late)
    print(json.dumps({"p50": late[n // 2], "p99": late[int(n * 0.99)], "max": late[-1], "min": late[0], "n": n}))

if len(sys.argv) > 1 and sys.argv[1] == "uvloop":
    import uvloop
    uvloop.install()
asyncio.run(main())
