import asyncio
import time

# loop.time() arithmetic with call_at across runs: deadlines computed from one reading t0 before
# any run (their when() is exactly the value given, call_later's lies between the readings taken
# around the call), fired in deadline order whatever the scheduling order, each seeing
# loop.time() >= its when(); a run stopped by a call_at timer leaves the later deadlines for the
# next run; a fixed-rate timer rescheduling itself at when() + 0.3; deadlines that passed during a
# blocking wait between runs fire in the next run's first iteration, in deadline order, behind
# the callbacks queued before it; call_at of another handle's when() minus a little, and
# call_later with a delay computed from a deadline; tasks sleeping until absolute deadlines and
# timeout_at() from the same arithmetic. Deadlines are 300 ms apart or more.
loop = asyncio.new_event_loop()


def log(*args):
    print("  ", *args)


def fired(tag, h):
    log(tag, "fired; time >= when:", loop.time() >= h[0].when())


def blocking(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


t0 = loop.time()
print("-- 1 deadlines from one reading, scheduled out of order")
H = {}
for off in (0.9, 0.3, 1.5, 0.6):
    box = []
    box.append(loop.call_at(t0 + off, fired, "t0+%s" % off, box))
    H[off] = box[0]
print("when() exact:", all(H[off].when() == t0 + off for off in H))
before = loop.time()
box = []
box.append(loop.call_later(1.2, fired, "later(1.2)", box))
after = loop.time()
H[1.2] = box[0]
print("call_later when() between the readings:", before + 1.2 <= H[1.2].when() <= after + 1.2)
stop_h = loop.call_at(t0 + 1.05, loop.stop)
print("sorted by when():", [off for off, h in sorted(H.items(), key=lambda kv: kv[1].when())])
loop.run_forever()
print("after the first run: later ones pending:", [off for off in sorted(H) if H[off].when() > stop_h.when()])
print("time past the stop deadline:", loop.time() >= stop_h.when())
loop.call_at(t0 + 1.8, loop.stop)
loop.run_forever()

print("-- 2 a fixed-rate timer")
count = [0]


def rate(prev_when):
    count[0] += 1
    now = loop.time()
    log("rate", count[0], "late or on time:", now >= prev_when)
    if count[0] < 4:
        loop.call_at(prev_when + 0.3, rate, prev_when + 0.3)
    else:
        loop.stop()


start = loop.time() + 0.3
loop.call_at(start, rate, start)
loop.run_forever()
print("four ticks took at least 0.9 s:", loop.time() - start >= 0.9)

print("-- 3 deadlines passing during a blocking wait between runs")
t1 = loop.time()
loop.call_at(t1 + 0.3, log, "t1+0.3")
loop.call_at(t1 + 0.1, log, "t1+0.1")
loop.call_later(0.2, log, "later(0.2)")
loop.call_at(t1 + 5, log, "never: t1+5")
loop.call_soon(log, "queued before the wait")
blocking(0.5)
loop.call_soon(log, "queued after the wait")
print("all three overdue:", loop.time() > t1 + 0.3)


def first_iteration():
    log("first iteration's callback queues the stop")
    loop.call_soon(loop.stop)


loop.call_soon(first_iteration)
loop.run_forever()

print("-- 4 call_at from another handle's when()")
t2 = loop.time()
ref = loop.call_at(t2 + 0.6, log, "ref at t2+0.6")
loop.call_at(ref.when() - 0.3, log, "ref.when() - 0.3")
loop.call_later(ref.when() - loop.time() + 0.3, log, "later(ref.when() - time() + 0.3)")
loop.call_at(ref.when() + 0.6, loop.stop)
loop.run_forever()
print("ref fired, time past it:", loop.time() > ref.when())


async def until(when, tag):
    await asyncio.sleep(when - loop.time())
    log(tag, "woke; time >= when:", loop.time() >= when)
    return tag


async def main():
    t3 = loop.time()
    a = asyncio.create_task(until(t3 + 0.6, "a"))
    b = asyncio.create_task(until(t3 + 0.3, "b"))
    try:
        async with asyncio.timeout_at(t3 + 0.9) as cm:
            log("timeout_at when() exact:", cm.when() == t3 + 0.9)
            await asyncio.sleep(5)
    except TimeoutError:
        log("timed out; time >= deadline:", loop.time() >= t3 + 0.9)
    return await asyncio.gather(a, b)


print("-- 5 tasks sleeping until deadlines, and timeout_at")
print(loop.run_until_complete(main()))
loop.close()
