import asyncio
import re
import time

# Timers due in one iteration cancelling each other: a timer cancelling a sibling already run in
# the batch (cancelled() turns True, the repr says so), one not yet run (it never runs), a
# not-yet-due timer, a call_soon handle an earlier sibling scheduled, and replacing a cancelled
# sibling with a new timer at the same when() (it runs in the next iteration). Past deadlines
# (due at once) and future ones made due together by a blocking callback (300 ms apart).
loop = asyncio.new_event_loop()
out = []
H = {}


def block(s):
    time.sleep(s)


def r(h):
    return re.sub(r" at \S+\.py:\d+", "", re.sub(r"when=[-0-9.e+inf]+", "when=W", repr(h)))


def rec(name):
    out.append(name)


def cancel(name, target):
    h = H[target]
    before = h.cancelled()
    res = h.cancel()
    out.append("%s cancels %s: was %s ret %r now %s" % (name, target, before, res, h.cancelled()))


def soon_from(name):
    out.append(name)
    H["soon-" + name] = loop.call_soon(rec, "soon-of-" + name)


def replace(name, target):
    h = H[target]
    h.cancel()
    H[target + "'"] = loop.call_at(h.when(), rec, target + "-replacement")
    out.append("%s replaced %s at same when: %s" % (name, target, h.when() == H[target + "'"].when()))


def stop_later():
    loop.call_later(0.02, loop.stop)


print("-- past deadlines, one batch")
H["a"] = loop.call_at(-9.0, rec, "a")
H["b"] = loop.call_at(-8.0, soon_from, "b")
H["c"] = loop.call_at(-7.0, cancel, "c", "a")
H["d"] = loop.call_at(-6.0, cancel, "d", "soon-b")
H["e"] = loop.call_at(-5.0, cancel, "e", "f")
H["f"] = loop.call_at(-4.0, rec, "f")
H["g"] = loop.call_at(-3.0, replace, "g", "h")
H["h"] = loop.call_at(-2.0, rec, "h")
H["i"] = loop.call_at(-1.0, cancel, "i", "far")
H["far"] = loop.call_at(1e12, rec, "far")
H["j"] = loop.call_at(-0.5, cancel, "j", "j")
for k in "abcdefghij":
    print(k, r(H[k]), H[k].cancelled())
loop.call_soon(stop_later)
loop.run_forever()
for line in out:
    print(" ", line)
for k in ["a", "b", "e", "f", "h", "h'", "far", "j", "soon-b"]:
    print(k, r(H[k]), H[k].cancelled())

print("-- future deadlines made due together by a blocking callback")
out.clear()
H.clear()


def blocker():
    out.append("blocker")
    block(0.9)


def chain(name, depth):
    out.append("%s depth %d" % (name, depth))
    if depth:
        H["chain%d" % depth] = loop.call_at(-1.0, chain, name, depth - 1)


base = loop.time()
H["x1"] = loop.call_at(base + 0.3, rec, "x1")
H["x2"] = loop.call_at(base + 0.6, cancel, "x2", "x3")
H["x3"] = loop.call_at(base + 0.7, rec, "x3")
H["x4"] = loop.call_at(base + 0.75, cancel, "x4", "x1")
H["x5"] = loop.call_at(base + 0.8, chain, "x5", 2)
H["x6"] = loop.call_at(base + 3.0, rec, "x6-late")
H["x7"] = loop.call_at(base + 0.85, cancel, "x7", "x6")
H["x8"] = loop.call_at(base + 5.0, rec, "x8-last")
loop.call_soon(blocker)
H["x9"] = loop.call_at(base + 0.87, lambda: (out.append("x9 stops"), loop.call_later(0.05, loop.stop)))
loop.run_forever()
for line in out:
    print(" ", line)
for k in ["x1", "x3", "x6", "x8"]:
    print(k, r(H[k]), H[k].cancelled())
H["x8"].cancel()
print("x8", r(H["x8"]), H["x8"].cancelled())

print("-- a batch in which every later sibling is cancelled by the first")
out.clear()
H.clear()
names = ["k%d" % i for i in range(6)]


def killall():
    out.append("killall")
    for n in names:
        H[n].cancel()
    loop.call_soon(rec, "soon-after-killall")


H["killer"] = loop.call_at(-20.0, killall)
for i, n in enumerate(names):
    H[n] = loop.call_at(-10.0 + i, rec, n)
loop.call_soon(rec, "soon-before")
loop.call_soon(stop_later)
loop.run_forever()
print(out, [H[n].cancelled() for n in names])
loop.close()
print("closed", r(H["killer"]), H["killer"].cancelled())
