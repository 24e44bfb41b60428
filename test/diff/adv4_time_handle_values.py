import asyncio

# TimerHandle.when() and reprs for extreme deadlines (absolute ones whose place relative to the
# clock is the same on any machine: huge, infinite, negative), and the firing order of past
# deadlines scheduled in different iterations and in shuffled order.
INF = float("inf")
loop = asyncio.new_event_loop()
out = []
log = out.append


print("-- when() and repr of far deadlines (never due)")
far = [INF, 1e300, 2.0 ** 60, 1e16, 4503599627370495.5, 123456789012345.67, 1e15 + 0.25, 3e12 + 0.0625]
hs = []
for w in far:
    h = loop.call_at(w, print, "far")
    hs.append(h)
    print(repr(h.when()), h.when() == w, repr(h))
for h in hs[::2]:
    h.cancel()
print([repr(h) for h in hs[:3]])
print("call_later(inf).when()", loop.call_later(INF, print).when())
print("call_later(1e300).when()", loop.call_later(1e300, print).when())
for d in (-1e300, -INF):
    h = loop.call_later(d, log, "L")
    h.cancel()  # (deadlines this far in the past are not ordered among themselves by aionode)
    print("call_later(%r).when()" % d, repr(h.when()), repr(h))
print("cancelled later(inf)", repr((lambda h: (h.cancel(), h)[1])(loop.call_later(INF, print, 1, "two", [3]))))

print("-- reprs of past deadlines (due at once)")
hp = [loop.call_at(w, log, name) for w, name in [
    (-INF, "A-inf"), (-4e6, "B-4e6"), (-1e5, "C-1e5"), (-12.5, "D-12.5"), (-0.001, "E-0.001"),
    (-5e-324, "F-5e-324"), (-0.0, "G-0.0")]]
for h in hp:
    print(repr(h))


def stop_soon():
    loop.call_later(0.005, loop.stop)


loop.call_soon(stop_soon)
loop.run_forever()
print(out)
print("after running", [repr(h) for h in hp[:2]], hp[0].cancelled())

print("-- past deadlines in shuffled order: deadline order within one iteration")
out.clear()
names = [(-12.5, "d-12.5"), (-4e6, "b-4e6"), (-0.001, "e-0.001"), (-1e5, "c-1e5"), (-0.5, "x-0.5"), (-3e6, "a-3e6")]
for w, name in names:
    loop.call_at(w, log, name)
loop.call_soon(log, "soon")
loop.call_later(0, log, "later0")
loop.call_later(-1e-3, log, "later-1e-3")
loop.call_soon(stop_soon)
loop.run_forever()
print(out)

print("-- past deadlines scheduled in successive iterations: iteration order beats deadline order")
out.clear()


def step(i):
    # each iteration schedules a deadline further in the past than the previous one
    loop.call_at(loop.time() - 10.0 * (i + 1), log, "at-%d" % (10 * (i + 1)))
    loop.call_later(0, log, "later0-%d" % i)
    loop.call_later(-100.0 * (i + 1), log, "later-%d" % (100 * (i + 1)))
    loop.call_soon(log, "soon-%d" % i)
    if i < 3:
        loop.call_soon(step, i + 1)
    else:
        loop.call_soon(stop_soon)


loop.call_soon(step, 0)
loop.run_forever()
for i in range(0, len(out), 6):
    print(" ", out[i:i + 6])

print("-- a timer due in the iteration it was cancelled in (by an earlier callback)")
out.clear()
h_victim = []


def killer():
    log("killer")
    h_victim[0].cancel()
    log("victim cancelled " + str(h_victim[0].cancelled()))


loop.call_at(-5.0, killer)
h_victim.append(loop.call_at(-1.0, log, "victim"))
loop.call_at(-0.5, log, "after")
loop.call_soon(stop_soon)
loop.run_forever()
print(out)
for h in hs:
    h.cancel()
loop.close()
