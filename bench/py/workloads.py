# The Python side of `npm run bench` (shared/BENCH.md, W1-W8): CPython asyncio, or uvloop with
# --uvloop (run that under /usr/bin/python3, where Debian's python3-uvloop lives).
#
#   python3 bench/py/workloads.py <W1..W8> <async|generator> [--uvloop] [--quick]
#
# HOW: one invocation = one measurement in a fresh process. It runs the workload once and prints
# ONE JSON object on stdout (nothing else); on any failure it prints nothing there, writes the
# reason on stderr and exits non-zero. `--quick` (always the last argument) runs a smoke-test size
# (CI runs it): W1, W2, W3, W5 and W6 at a fifth of their size, W4 200,000 timers, W7 0.5 s,
# W8 4 x 50,000 posts. Quick figures are not comparable with full ones.
#
# WHY it looks like this: every figure must be comparable with bench/workloads.mjs, so each
# workload follows the Node side step by step: the same sizes, the same 32-bit LCG (seed 12345,
# x / 2^32) consumed in the same order, the clock read at the same points (time.monotonic, never
# the loop's cached time; uvloop's loop.time() has millisecond resolution), inputs prepared before
# the clock starts, and results checked (sums, counts) so a fast wrong run cannot count.
# Variants: `async` (async def) for every workload; `generator` (generator-based coroutines,
# @types.coroutine + `yield from`, still accepted by 3.11's create_task) for W2, W3 and W6.
#
# Memory ("peak RSS growth", MB = 2^20 bytes): on Linux the kernel's peak-RSS mark (VmHWM) is
# reset to the current RSS by writing 5 to /proc/self/clear_refs, right before the measured part;
# growth = VmHWM at the measuring point - VmRSS at the reset. Elsewhere it falls back to
# getrusage's ru_maxrss, which cannot be reset (growth is then a lower bound).
import asyncio
import json
import math
import sys
import threading
import time
import types

# --quick divides the sizes of W1, W2, W3, W5 and W6 by this (W4, W7 and W8 have their own reductions).
QUICK_SCALE = 5

LCG_SEED = 12345


def lcg(seed=LCG_SEED):
    """The shared generator: x = (1664525*x + 1013904223) mod 2^32, value x / 2^32."""
    x = seed
    while True:
        x = (1664525 * x + 1013904223) & 0xFFFFFFFF
        yield x / 4294967296


def pct(s, p):
    """The Node side's percentile of a sorted list: s[min(n-1, floor(n*p))]."""
    return s[min(len(s) - 1, math.floor(len(s) * p))]


def lateness_summary(late):
    """p50/p99/max/min of lateness values (µs) and the 101 quantiles 0%, 1%, ..., 100%."""
    late.sort()
    return {
        "p50": pct(late, 0.5),
        "p99": pct(late, 0.99),
        "max": late[-1],
        "min": late[0],
        "quantiles": [pct(late, k / 100) for k in range(101)],
    }


# ------------------------------------------------------------------ memory
def _status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    raise OSError(f"{field} not in /proc/self/status")


class PeakRss:
    """Peak RSS growth from start() to peak_mb(): see the file comment."""

    def start(self):
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
            self.proc = True
            self.base = _status_kb("VmRSS")
        except OSError:
            import resource

            self.proc = False
            self.base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return self

    def peak_mb(self):
        if self.proc:
            kb = _status_kb("VmHWM")
        else:
            import resource

            kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            if sys.platform == "darwin":  # bytes there
                kb /= 1024
        return (kb - self.base) / 1024


# ------------------------------------------------------------------ W1 callsoon
async def w1(variant, quick):
    """1,000,000 call_soon callbacks from inside the running loop, each incrementing a counter."""
    n = 1_000_000 // QUICK_SCALE if quick else 1_000_000
    loop = asyncio.get_running_loop()
    count = 0

    def inc():
        nonlocal count
        count += 1

    done = loop.create_future()
    call_soon = loop.call_soon
    t0 = time.monotonic()
    for _ in range(n):
        call_soon(inc)
    call_soon(done.set_result, None)
    await done
    dt = time.monotonic() - t0
    if count != n:
        raise AssertionError(f"count {count}")
    return {"value": n / dt, "unit": "callbacks/s"}


# ------------------------------------------------------------------ W2 tasks
async def w2_async(i):
    await asyncio.sleep(0)
    return i


@types.coroutine
def w2_generator(i):
    yield from asyncio.sleep(0)
    return i


async def w2(variant, quick):
    """100,000 tasks, each awaits sleep(0) once and returns its index; gathered; sum checked."""
    n = 100_000 // QUICK_SCALE if quick else 100_000
    work = w2_generator if variant == "generator" else w2_async
    create_task = asyncio.get_running_loop().create_task
    t0 = time.monotonic()
    tasks = [create_task(work(i)) for i in range(n)]
    res = await asyncio.gather(*tasks)
    s = sum(res)
    dt = time.monotonic() - t0
    if s != n * (n - 1) // 2:
        raise AssertionError(f"sum {s}")
    return {"value": n / dt, "unit": "tasks/s"}


# ------------------------------------------------------------------ W3 pingpong
async def w3_a_async(q1, q2, n):
    s = 0
    for i in range(n):
        await q1.put(i)
        s += await q2.get()
    return s


async def w3_b_async(q1, q2, n):
    count = 0
    for _ in range(n):
        v = await q1.get()
        await q2.put(v + 1)
        count += 1
    return count


@types.coroutine
def w3_a_generator(q1, q2, n):
    s = 0
    for i in range(n):
        yield from q1.put(i)
        s += yield from q2.get()
    return s


@types.coroutine
def w3_b_generator(q1, q2, n):
    count = 0
    for _ in range(n):
        v = yield from q1.get()
        yield from q2.put(v + 1)
        count += 1
    return count


async def w3(variant, quick):
    """Tasks A and B exchange 200,000 round trips through two asyncio.Queues."""
    n = 200_000 // QUICK_SCALE if quick else 200_000
    a, b = (w3_a_generator, w3_b_generator) if variant == "generator" else (w3_a_async, w3_b_async)
    q1 = asyncio.Queue()
    q2 = asyncio.Queue()
    t0 = time.monotonic()
    s, count = await asyncio.gather(a(q1, q2, n), b(q1, q2, n))
    dt = time.monotonic() - t0
    if s != n * (n + 1) // 2 or count != n:
        raise AssertionError(f"sum {s} count {count}")
    return {"value": n / dt, "unit": "round trips/s"}


# ------------------------------------------------------------------ W4 timer-churn
def w4_never():
    raise AssertionError("a W4 timer fired")


async def w4(variant, quick):
    """Schedule 1M call_later timers (delays uniform in [1 s, 100 s)), cancel every other one,
    then the rest; none fires. ops = schedule + cancel; RSS growth taken right after scheduling."""
    n = 200_000 if quick else 1_000_000
    r = lcg()
    delays = [1 + 99 * next(r) for _ in range(n)]
    loop = asyncio.get_running_loop()
    call_later = loop.call_later
    mem = PeakRss().start()
    t0 = time.monotonic()
    hs = [call_later(d, w4_never) for d in delays]
    rss_mb = mem.peak_mb()
    for i in range(0, n, 2):
        hs[i].cancel()
    for i in range(1, n, 2):
        hs[i].cancel()
    await asyncio.sleep(0)  # one loop iteration: asyncio drops the cancelled entries here
    dt = time.monotonic() - t0
    return {"value": 2 * n / dt, "unit": "ops/s", "rssMB": rss_mb}


# ------------------------------------------------------------------ W5 timer-fire
async def w5(variant, quick):
    """100,000 timers, delays uniform in [0, 1 s), scheduled in one burst; run until all fired.
    lateness = fire - max(deadline, end of burst); earliest = min(fire - deadline)."""
    n = 100_000 // QUICK_SCALE if quick else 100_000
    loop = asyncio.get_running_loop()
    r = lcg()
    fired = [0.0] * n
    deadlines = [0.0] * n
    left = n
    done = loop.create_future()
    monotonic = time.monotonic

    def cb(i):
        nonlocal left
        fired[i] = monotonic()
        left -= 1
        if left == 0:
            done.set_result(None)

    call_later = loop.call_later
    t0 = monotonic()
    for i in range(n):
        d = next(r)
        deadlines[i] = monotonic() + d
        call_later(d, cb, i)
    burst_end = monotonic()
    await done
    late = [(fired[i] - max(deadlines[i], burst_end)) * 1e6 for i in range(n)]
    earliest = min((fired[i] - deadlines[i]) * 1e6 for i in range(n))
    out = lateness_summary(late)
    out["earliest"] = earliest
    out["wall"] = max(fired) - t0
    return out


# ------------------------------------------------------------------ W6 sleepers
W6_TASKS = 10_000
W6_SLEEPS = 20


async def w6_async(delays, lo, hi):
    for j in range(lo, hi):
        await asyncio.sleep(delays[j])


@types.coroutine
def w6_generator(delays, lo, hi):
    for j in range(lo, hi):
        yield from asyncio.sleep(delays[j])


async def w6(variant, quick):
    """10,000 tasks, each sleeps 20 times for a delay uniform in [0, 10 ms); gathered.
    Task i's delays are LCG values i*20 .. i*20+19 (task-major). Figure: wall - ideal (ms), where
    ideal = the largest total of one task's 20 delays; plus peak RSS growth over the run."""
    n_tasks = W6_TASKS // QUICK_SCALE if quick else W6_TASKS
    r = lcg()
    delays = [0.01 * next(r) for _ in range(n_tasks * W6_SLEEPS)]
    ideal = max(sum(delays[i * W6_SLEEPS:(i + 1) * W6_SLEEPS]) for i in range(n_tasks))
    sleeper = w6_generator if variant == "generator" else w6_async
    create_task = asyncio.get_running_loop().create_task
    mem = PeakRss().start()
    t0 = time.monotonic()
    tasks = [create_task(sleeper(delays, i * W6_SLEEPS, (i + 1) * W6_SLEEPS)) for i in range(n_tasks)]
    await asyncio.gather(*tasks)
    wall = time.monotonic() - t0
    return {"value": (wall - ideal) * 1000, "unit": "ms overhead", "rssMB": mem.peak_mb()}


# ------------------------------------------------------------------ W7 latency-under-load
async def w7(variant, quick):
    """A 1 ms timer re-armed from its own callback for 2 s while 4 producer chains keep the ready
    queue busy (each callback spins ~20 µs, then re-schedules itself with call_soon)."""
    duration = 0.5 if quick else 2.0
    loop = asyncio.get_running_loop()
    monotonic = time.monotonic
    late = []
    done = loop.create_future()
    stop = False

    def producer():
        t = monotonic() + 20e-6
        while monotonic() < t:
            pass
        if not stop:
            loop.call_soon(producer)

    def tick(deadline):
        nonlocal stop
        now = monotonic()
        late.append((now - deadline) * 1e6)
        if now >= end:
            stop = True
            done.set_result(None)
            return
        loop.call_later(0.001, tick, monotonic() + 0.001)

    end = monotonic() + duration
    for _ in range(4):
        loop.call_soon(producer)
    loop.call_later(0.001, tick, monotonic() + 0.001)
    await done
    out = lateness_summary(late)
    out["n"] = len(late)
    return out


# ------------------------------------------------------------------ W8 threadsafe
async def w8(variant, quick):
    """4 threading.Threads each call loop.call_soon_threadsafe 250,000 times (one numeric argument);
    the loop counts them. The clock starts when every thread is ready and released at once (thread
    start-up is not measured) and stops when the loop has run the last callback."""
    workers = 4
    per_worker = 50_000 if quick else 250_000
    total = workers * per_worker
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    received = 0
    total_sum = 0
    t1 = 0.0

    def count(i):
        nonlocal received, total_sum, t1
        total_sum += i
        received += 1
        if received == total:
            t1 = time.monotonic()
            done.set_result(None)

    ready = []  # list.append is atomic under the GIL
    go = threading.Event()

    def post():
        ready.append(True)
        go.wait()
        cst = loop.call_soon_threadsafe
        for i in range(per_worker):
            cst(count, i)

    threads = [threading.Thread(target=post, daemon=True) for _ in range(workers)]
    for t in threads:
        t.start()
    # Wait (without blocking the loop thread) until every thread is ready.
    while len(ready) < workers:
        await asyncio.sleep(0.005)
    t0 = time.monotonic()
    go.set()
    try:
        # Every thread has posted everything once joined; the posts then still in flight arrive
        # within a few loop iterations. A missing message ends the wait instead of hanging.
        while not done.done() and any(t.is_alive() for t in threads):
            await asyncio.wait([done], timeout=0.05)
        for _ in range(100):
            if done.done():
                break
            await asyncio.sleep(0.01)
    finally:
        for t in threads:
            t.join()
    expected_sum = workers * per_worker * (per_worker - 1) // 2
    if received != total or total_sum != expected_sum:
        raise AssertionError(f"received {received} of {total} messages (sum {total_sum}, expected {expected_sum})")
    return {"value": total / (t1 - t0), "unit": "messages/s", "received": received, "expected": total}


# ------------------------------------------------------------------ entry point
WORKLOADS = {"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W6": w6, "W7": w7, "W8": w8}
GENERATOR_WORKLOADS = {"W2", "W3", "W6"}
USAGE = "usage: python3 bench/py/workloads.py <W1..W8> <async|generator> [--uvloop] [--quick]"


def parse(argv):
    if len(argv) < 2:
        raise ValueError("missing arguments")
    w, variant, *flags = argv
    if w not in WORKLOADS:
        raise ValueError(f"unknown workload {w!r}")
    if variant not in ("async", "generator"):
        raise ValueError(f"unknown variant {variant!r}")
    if variant == "generator" and w not in GENERATOR_WORKLOADS:
        raise ValueError(f"{w} has no generator variant (only {', '.join(sorted(GENERATOR_WORKLOADS))})")
    for f in flags:
        if f not in ("--uvloop", "--quick"):
            raise ValueError(f"unknown option {f!r}")
    if "--quick" in flags and flags[-1] != "--quick":
        raise ValueError("--quick must be the last argument")
    return w, variant, "--uvloop" in flags, "--quick" in flags


def main(argv):
    try:
        w, variant, use_uvloop, quick = parse(argv)
    except ValueError as e:
        print(f"{e}\n{USAGE}", file=sys.stderr)
        return 2
    if use_uvloop:
        try:
            import uvloop
        except ImportError:
            print(f"python3-uvloop not installed (for {sys.executable})", file=sys.stderr)
            return 3
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    try:
        result = asyncio.run(WORKLOADS[w](variant, quick))
    except BaseException as e:  # noqa: BLE001 -- any failure: nothing on stdout, reason on stderr
        import traceback

        traceback.print_exc()
        print(f"{w} {variant}{' uvloop' if use_uvloop else ''} failed: {e!r}", file=sys.stderr)
        return 1
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
