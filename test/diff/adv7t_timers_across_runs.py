import asyncio
import re
import time

# Timers across run_until_complete() / run_forever() runs of one loop: a timer scheduled in one
# run and due after it ended fires in a later run (or its wake-up runs there); a timer cancelled
# while the loop is stopped; callbacks a timer queued in the iteration the run stopped in run
# first in the next run; a sleep started in one run and completed in the next; stop() from a
# timer lets the rest of its batch run; loop.time() keeps going up between runs; timers
# scheduled on a stopped loop; a timer stopping run_until_complete() before its future is done
# (the sleep goes on in the next run); reprs and when() of them all. Deadlines 300 ms apart or more.
loop = asyncio.new_event_loop()
out = []
H = {}


def r(h):
    return re.sub(r" at \S+\.py:\d+", "", re.sub(r"when=[-0-9.e+inf]+", "when=W", repr(h)))


def rec(name):
    out.append(name)


def block(s):
    time.sleep(s)


def flush(label):
    print(label, out)
    out.clear()


t0 = loop.time()
print("-- timers scheduled before any run")
H["early"] = loop.call_later(0.3, rec, "early")
H["cancelled-before"] = loop.call_later(0.0, rec, "cancelled-before")
H["cancelled-before"].cancel()
H["past"] = loop.call_at(-1.0, rec, "past")
print([r(H[k]) for k in ("early", "cancelled-before", "past")])
print("early when - t0 in [0.3, 0.5]", 0.3 <= H["early"].when() - t0 < 0.5)

print("-- run 1: completes at once; the due 'past' timer runs, 'early' does not")


async def quick():
    rec("quick")
    return "q"


print(loop.run_until_complete(quick()))
flush("run1")
print("early", r(H["early"]), "time went up", loop.time() >= t0)

print("-- run 2: a sleep long enough that 'early' fires")


async def slow():
    rec("slow start")
    r_ = await asyncio.sleep(0.6, "slow")
    rec("slow end")
    return r_


print(loop.run_until_complete(slow()))
flush("run2")
print("early after", r(H["early"]), H["early"].cancelled())

print("-- cancelled while stopped")
H["mid"] = loop.call_later(0.3, rec, "mid")
H["keep"] = loop.call_later(0.6, rec, "keep")
H["mid"].cancel()
print(r(H["mid"]), r(H["keep"]))
print(loop.run_until_complete(asyncio.sleep(0.9, "r3")))
flush("run3")

print("-- a task sleeping across runs")


async def long_sleeper():
    rec("ls start")
    v = await asyncio.sleep(0.6, "ls-res")
    rec("ls woke " + v)
    await asyncio.sleep(0)
    rec("ls end")
    return v


t = loop.create_task(long_sleeper())
print(loop.run_until_complete(asyncio.sleep(0, "short")))
flush("run4")
print("task done", t.done())
block(0.9)  # the sleep's deadline passes while no run is going
print("after block, task done", t.done())
print(loop.run_until_complete(t))
flush("run5")

print("-- stop() from a timer: the rest of its batch runs, what they queue runs in the next run")


def stopper():
    rec("stopper")
    loop.stop()
    loop.call_soon(rec, "soon-from-stopper")


base = loop.time()
loop.call_at(base + 0.3, rec, "b1")
loop.call_at(base + 0.6, stopper)
loop.call_at(base + 0.9, rec, "b3")
loop.call_at(base + 1.2, lambda: (rec("b4"), loop.call_soon(rec, "soon-from-b4")))
H["b5"] = loop.call_at(base + 30.0, rec, "b5")
loop.call_soon(block, 1.5)
loop.run_forever()
flush("run6")
print("b5 pending", r(H["b5"]))
print(loop.run_until_complete(quick()))
flush("run7")

print("-- stop() before run_forever: one iteration, due timers included")
loop.call_at(-1.0, rec, "past-timer")
loop.call_soon(rec, "soon")
H["later"] = loop.call_later(0.3, rec, "later")
loop.stop()
loop.run_forever()
flush("run8")
block(0.6)
loop.stop()
loop.run_forever()
flush("run9")
H["b5"].cancel()

print("-- a timer stops the loop before the future completed; the sleep ends in a later run")
loop.call_later(0.3, loop.stop)
t = loop.create_task(asyncio.sleep(0.6, "late"))
try:
    loop.run_until_complete(t)
except RuntimeError as e:
    print(repr(e), t.done())
print(loop.run_until_complete(t))
loop.call_later(0.3, loop.stop)
try:
    loop.run_until_complete(asyncio.sleep(0.6, "c"))
except RuntimeError as e:
    print(repr(e))
left = list(asyncio.all_tasks(loop))
print([r(x).split(" coro=")[0] for x in left])
print(loop.run_until_complete(asyncio.gather(*left)))

print("-- time() monotonic across runs")
readings = [loop.time()]
for i in range(3):
    loop.run_until_complete(asyncio.sleep(0.01))
    readings.append(loop.time())
print("non-decreasing", all(a <= b for a, b in zip(readings, readings[1:])))
loop.close()
print("closed; reprs", r(H["b5"]), r(H["later"]))
try:
    loop.call_later(1, rec, "x")
except RuntimeError as e:
    print("call_later on closed:", repr(e))
try:
    loop.call_at(1, rec, "x")
except RuntimeError as e:
    print("call_at on closed:", repr(e))
print(loop.time() >= readings[-1])
