import asyncio
import time

# Near-equal deadlines (10 to 100 microseconds apart, far enough apart to be told apart by
# aionode's microsecond clock) scheduled in shuffled order fire in deadline order, past ones
# (due at once) as well as future ones made due together by a blocking callback; a lone pair of
# equal deadlines fires in scheduling order; timers that timers schedule (at their own when(), just
# before a sibling still pending in the batch, call_later(0), a future deadline between pending
# ones) wait for the next iteration or their own deadline.
loop = asyncio.new_event_loop()
out = []


def rec(name):
    out.append(name)


def block(s):
    time.sleep(s)


def run(label, extra=0.0):
    loop.call_soon(lambda: loop.call_later(0.02 + extra, loop.stop))
    loop.run_forever()
    print(label)
    for i in range(0, len(out), 8):
        print("  ", out[i:i + 8])
    out.clear()


print("-- past deadlines 100 us apart, shuffled")
order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4]
for k in order:
    loop.call_at(-50.0 + k * 1e-4, rec, "p%d" % k)
run("p")

print("-- past deadlines 10 us apart, shuffled, at several magnitudes")
for mag in (-3e6, -1e5, -2.5, -0.001):
    for k in order:
        loop.call_at(mag + k * 1e-5, rec, "%g:%d" % (mag, k))
run("mags")

print("-- a lone pair of equal deadlines (asyncio keeps the order of two; more is a heap's whim)")
loop.call_at(-10.0, rec, "e-first")
loop.call_at(-10.0, rec, "e-second")
run("equal")

print("-- future deadlines 10 us apart, made due together by blocking")
base = loop.time() + 0.3
for k in order:
    loop.call_at(base + k * 1e-5, rec, "f%d" % k)
loop.call_at(base + 0.3, rec, "f-last")
loop.call_soon(block, 0.9)
run("future")

print("-- timers scheduled by timers of one batch")
H = {}


def spawner(name):
    rec(name)
    h = H[name]
    loop.call_at(h.when(), rec, name + ">own-when")
    loop.call_at(H["s3"].when() - 1e-4, rec, name + ">before-s3")
    loop.call_later(0, rec, name + ">later0")
    loop.call_soon(rec, name + ">soon")


H["s1"] = loop.call_at(-30.0, spawner, "s1")
H["s2"] = loop.call_at(-20.0, spawner, "s2")
H["s3"] = loop.call_at(-10.0, rec, "s3")
run("spawn")

print("-- a future timer scheduled by a timer lands between pending ones")
base = loop.time()


def mid():
    rec("m1")
    loop.call_at(base + 0.9, rec, "m-inserted-0.9")
    loop.call_at(base + 0.45, rec, "m-inserted-0.45")


loop.call_at(base + 0.15, mid)
loop.call_at(base + 0.6, rec, "m-0.6")
loop.call_at(base + 1.2, rec, "m-1.2")
run("insert", 1.3)

print("-- the clock read inside a batch never goes back; every timer sees time() >= when()")
seen = []
base = loop.time() + 0.3


def check(k):
    h = H["c%d" % k]
    seen.append((k, loop.time() >= h.when()))


for k in order:
    H["c%d" % k] = loop.call_at(base + k * 3e-5, check, k)
loop.call_soon(block, 0.6)
run("clock")
print(seen, all(ok for _, ok in seen))
loop.close()
