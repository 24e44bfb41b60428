import asyncio
import time

# Timer churn with a deterministic pseudo-random generator (MINSTD, the same in both languages):
# hundreds of timers with distinct past deadlines (due at once) scheduled in random order, many
# cancelled before the run, and timers that, when they run, cancel random others (already run,
# pending in the same batch, never due) and schedule new ones (they fire in the next iteration,
# in deadline order). Per iteration the firing order must be deadline order, nothing cancelled
# runs, and cancelled()/when() agree afterwards. Then the same with 2000 future deadlines
# (2 microseconds to half a second apart) made due together by a blocking callback.
loop = asyncio.new_event_loop()
rng = {"x": 20261207}


def rand(n):
    rng["x"] = rng["x"] * 48271 % 2147483647
    return rng["x"] % n


used = set()


BASE = {"t": -1000.0, "span": 10000000, "unit": 1e-4}


def deadline():
    while True:
        v = rand(BASE["span"])
        if v not in used:
            used.add(v)
            return BASE["t"] + v * BASE["unit"]


H = []
fired = []
iteration = {"n": 0}


def tick():
    iteration["n"] += 1
    if iteration["n"] < 12:
        loop.call_soon(tick)
    else:
        loop.stop()


def plain(i):
    fired.append((iteration["n"], i))


def chaotic(i):
    fired.append((iteration["n"], i))
    for _ in range(3):
        H[rand(len(H))].cancel()
    if rand(3) == 0:
        H[i].cancel()  # itself, while running
    for _ in range(rand(3)):
        j = len(H)
        H.append(loop.call_at(deadline(), plain if rand(2) else chaotic, j))




def report(full):
    print("scheduled in all", len(H), "fired", len(fired))
    by_iter = {}
    for it, i in fired:
        by_iter.setdefault(it, []).append(i)
    for it in sorted(by_iter):
        ids = by_iter[it]
        whens = [H[i].when() for i in ids]
        checksum = sum((k + 1) * i for k, i in enumerate(ids)) % 1000003
        print("iteration", it, "fired", len(ids), "deadline order", whens == sorted(whens), "checksum", checksum)
        for k in range(0, len(ids) if full else min(len(ids), 40), 20):
            print("  ", ids[k:k + 20])
    fired_ids = {i for _, i in fired}
    print("cancelled before the run and fired:", sorted(pre_cancelled & fired_ids))
    print("fired twice:", len(fired) - len(fired_ids))
    print("never fired and not cancelled:", [i for i, h in enumerate(H) if i not in fired_ids and not h.cancelled()][:50])
    print("cancelled now:", sum(h.cancelled() for h in H))
    for h in H:
        h.cancel()


print("-- past deadlines")
for i in range(300):
    H.append(loop.call_at(deadline(), chaotic if rand(4) == 0 else plain, i))
for i in range(40):
    H.append(loop.call_at(1e6 + i, plain, len(H)))
for _ in range(120):
    H[rand(len(H))].cancel()
pre_cancelled = {i for i, h in enumerate(H) if h.cancelled()}
print("scheduled", len(H), "cancelled before the run", len(pre_cancelled))
loop.call_soon(tick)
loop.run_forever()
report(True)

print("-- future deadlines made due together")
H.clear()
fired.clear()
used.clear()
iteration["n"] = 0
BASE.update(t=loop.time() + 0.3, span=250000, unit=2e-6)
for i in range(2000):
    H.append(loop.call_at(deadline(), chaotic if rand(4) == 0 else plain, i))
BASE.update(t=-1000.0, span=10000000, unit=1e-4)  # what the chaotic ones schedule: past deadlines
used.clear()
for _ in range(700):
    H[rand(len(H))].cancel()
pre_cancelled = {i for i, h in enumerate(H) if h.cancelled()}
print("scheduled", len(H), "cancelled before the run", len(pre_cancelled))
loop.call_soon(time.sleep, 1.2)
loop.call_later(0.9, tick)
loop.run_forever()
report(False)
loop.close()
