import asyncio
import time

# loop.time() against call_at / call_later deadlines: a timer never runs before its when(), the
# clock never goes back across callbacks, timers and task steps; timers scheduled out of order
# fire in deadline order; what a timer schedules for its own when(), for loop.time() and with
# call_later(0) runs in the next iteration, in deadline (= scheduling) order, behind call_soon
# callbacks; a deadline that passed during a blocking callback fires after the callbacks queued
# before the next iteration; when() of call_later lies between the clock readings around it;
# sleeps in tasks end no earlier than asked. Deadlines are 50 ms apart or more.
loop = asyncio.new_event_loop()
readings = []
out = []


def now():
    t = loop.time()
    readings.append(t)
    return t


def check_when(name, h):
    t = now()
    out.append("%s on time: %s" % (name, t >= h.when()))


H = {}


def timer(name):
    check_when(name, H[name])
    if name == "t100":
        h = H[name]
        loop.call_at(h.when(), out.append, "t100 -> at own when()")
        loop.call_at(now(), out.append, "t100 -> at loop.time()")
        loop.call_later(0, out.append, "t100 -> later(0)")
        loop.call_soon(out.append, "t100 -> soon")
    if name == "t400":
        loop.stop()


t0 = now()
for ms in (400, 200, 300, 100):
    H["t%d" % ms] = loop.call_at(t0 + ms / 1000.0, timer, "t%d" % ms)
b = now()
H["l150"] = loop.call_later(0.15, timer, "l150")
a = now()
print("call_later's when() between the readings:", b + 0.15 <= H["l150"].when() <= a + 0.15)
loop.run_forever()
for line in out:
    print(" ", line)
print("clock never went back:", all(x <= y for x, y in zip(readings, readings[1:])), len(readings) > 8)

print("-- a deadline that passes during a blocking callback")
out.clear()


def blocker():
    w = now() + 0.03
    H["overdue"] = loop.call_at(w, out.append, "overdue timer")
    loop.call_soon(out.append, "queued by blocker")
    end = time.monotonic() + 0.06
    while time.monotonic() < end:
        pass
    out.append("blocker done, deadline passed: %s" % (now() > w))
    loop.call_soon(out.append, "queued after the deadline passed")


loop.call_soon(blocker)
loop.call_soon(out.append, "queued before the run")
loop.call_later(0.1, loop.stop)
loop.run_forever()
for line in out:
    print(" ", line)
print("overdue timer ran late, not early:", readings[-1] >= H["overdue"].when())

print("-- task sleeps")


async def sleeper(tag, d):
    t = now()
    await asyncio.sleep(d)
    u = now()
    print("  %s slept at least %s: %s" % (tag, d, u - t >= d))
    return u


async def main():
    r = await asyncio.gather(sleeper("a", 0.06), sleeper("b", 0.03), sleeper("c", 0))
    print("  wake-ups in deadline order:", r[2] <= r[1] <= r[0])
    h = asyncio.get_running_loop().call_later(0.03, out.append, "x")
    t = now()
    await asyncio.sleep(0.03)
    print("  a sleep as long as a timer scheduled just before it ends after it:", "x" in out, now() >= h.when() >= t)


loop.run_until_complete(main())
print("clock never went back:", all(x <= y for x, y in zip(readings, readings[1:])))
loop.close()
