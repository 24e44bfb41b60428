import asyncio

# Handle.cancel() corners: cancelling callbacks of the same iteration (also across many queued
# entries), of the next iteration, itself, after it ran; timers cancelled after they came due,
# by a callback, by an earlier timer of the same batch, by the exception handler.
loop = asyncio.new_event_loop()
ran = []
H = {}


def rec(tag, *args):
    ran.append(tag)


def show(label):
    print(label, len(ran), ran[:6], ran[-3:] if len(ran) > 6 else [], sum(int(x[1:]) for x in ran if x[1:].isdigit()))
    ran.clear()


# 1. from outside the loop: 3000 callbacks; the first one cancels every other one after it,
# itself, and a callback queued after loop.stop's
hs = []


def canceller():
    rec("c")
    for i, h in enumerate(hs):
        if i % 2 == 1:
            h.cancel()
    H["self"].cancel()
    print("canceller cancelled itself:", H["self"].cancelled())
    H["last"].cancel()


H["self"] = loop.call_soon(canceller)
for i in range(3000):
    hs.append(loop.call_soon(rec, "h%d" % i, i))
loop.call_soon(loop.stop)
H["last"] = loop.call_soon(rec, "never (same iteration, after stop)")
loop.call_soon(rec, "runs (same iteration, after stop)")
loop.run_forever()
show("phase 1")
print("cancelled flags", hs[0].cancelled(), hs[1].cancelled(), hs[2999].cancelled(), "after run, cancel h0:", end=" ")
hs[0].cancel()
print(hs[0].cancelled())

# 2. inside the loop: a callback cancels the next iteration's callbacks and some of its own
def inside():
    rec("inside")
    mine = [loop.call_soon(rec, "n%d" % i) for i in range(5)]

    def later_canceller():
        rec("lc")
        mine[3].cancel()
        mine[4].cancel()

    loop.call_soon(rec, "x")
    mine[0].cancel()
    loop.call_soon(later_canceller)
    more = [loop.call_soon(rec, "m%d" % i) for i in range(3)]
    more[2].cancel()
    loop.call_soon(loop.stop)


loop.call_soon(inside)
loop.run_forever()
loop.call_soon(loop.stop)
loop.run_forever()
show("phase 2")

# 3. due timers: 1500 of them come due in one iteration
def phase3():
    base = loop.time()
    timers = []

    def first_timer():
        rec("t0")
        for i in range(1, 1500):
            if i % 3 == 1:
                timers[i].cancel()
        print("first timer: t1 cancelled", timers[1].cancelled(), "t2 cancelled", timers[2].cancelled())

    def pre():
        rec("pre")
        for i in range(1, 1500):
            if i % 3 == 2 and i % 5 == 0:
                timers[i].cancel()

    loop.call_soon(pre)
    for i in range(1500):
        if i == 0:
            timers.append(loop.call_at(base - 0.05, first_timer))
        else:
            timers.append(loop.call_at(base - 0.05 + i * 1e-5, rec, "t%d" % i))
    loop.call_later(0.05, loop.stop)


loop.call_later(0.1, phase3)
loop.run_forever()
show("phase 3")

# 4. the exception handler cancels a due timer that comes after the failing one
def handler(lp, ctx):
    print("handler:", ctx["message"].split(" at ")[0], "| cancels the victim timer")
    H["victim"].cancel()


def boom():
    rec("boom")
    raise ValueError("boom")


def phase4():
    t = loop.time()
    loop.set_exception_handler(handler)
    loop.call_at(t - 0.02, boom)
    H["victim"] = loop.call_at(t - 0.01, rec, "victim")
    loop.call_at(t - 0.005, rec, "after-victim")
    loop.call_later(0.05, loop.stop)


loop.call_later(0.1, phase4)
loop.run_forever()
show("phase 4")
print("victim cancelled", H["victim"].cancelled())
loop.close()
