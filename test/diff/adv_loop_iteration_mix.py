import asyncio

# call_soon / call_later / call_at mixed within iterations: due timers join the ready queue at
# the start of an iteration, behind the callbacks queued before it, in deadline order; a
# callback can cancel a timer that came due in the same iteration.
loop = asyncio.new_event_loop()
H = {}
n = [0]


def log(name):
    print(" ", name)


def marker():
    n[0] += 1
    print("-- iteration", n[0])
    if n[0] < 4:
        loop.call_soon(marker)


def s1():
    log("s1")
    loop.call_soon(log, "s1.child")
    loop.call_later(0, log, "s1.timer0")
    H["n20"].cancel()
    print("  s1 cancelled n20 (due in this iteration):", H["n20"].cancelled())


def p80():
    log("p80")
    loop.call_soon(log, "p80.child")
    loop.call_at(loop.time() - 0.05, log, "p80.past")


def p50():
    log("p50")
    H["z0"].cancel()
    print("  p50 cancelled z0 (same batch, later):", H["z0"].cancelled())


def base():
    print("base timer")
    t = loop.time()
    loop.call_soon(s1)
    H["p50"] = loop.call_at(t - 0.05, p50)
    H["p80"] = loop.call_at(t - 0.08, p80)
    H["now"] = loop.call_at(t, log, "now")
    H["z0"] = loop.call_later(0, log, "z0")
    H["n20"] = loop.call_later(-0.02, log, "n20")
    loop.call_soon(log, "s2")
    loop.call_later(0.6, phase2)
    loop.call_later(0.3, log, "l50")
    loop.call_soon(marker)


def phase2():
    print("phase2 timer")
    n[0] = 0
    t = loop.time()
    H["a"] = loop.call_later(0.01, log, "a (+0.01)")
    loop.call_soon(log, "queued before the wait")
    while loop.time() < t + 0.03:
        pass
    # A is due now; B and C are in the past too, one earlier and one later than A
    loop.call_at(t + 0.005, log, "b (+0.005)")
    loop.call_at(t + 0.02, log, "c (+0.02)")
    loop.call_soon(log, "d (call_soon)")
    loop.call_soon(marker)
    loop.call_later(0.4, loop.stop)


loop.call_later(0.1, base)
loop.run_forever()
print("stopped")
loop.close()
