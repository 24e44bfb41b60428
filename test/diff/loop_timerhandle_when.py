import asyncio

loop = asyncio.new_event_loop()
order = []

t1 = loop.time()
h = loop.call_later(0.4, order.append, "later")
hw = h.when()
t2 = loop.time()
print("time is monotonic", t2 >= t1)
print("later.when within [t1+d, t2+d]", t1 + 0.4 <= h.when() <= t2 + 0.4)
print("is TimerHandle", isinstance(h, asyncio.TimerHandle), isinstance(h, asyncio.Handle))

when = loop.time() + 0.2
ha = loop.call_at(when, order.append, "at")
print("call_at.when() is the given time", ha.when() == when)
hp = loop.call_at(loop.time() - 10, order.append, "past")
print("past when < now", hp.when() < loop.time())
hn = loop.call_later(-5, order.append, "negative")
print("negative delay when < now", hn.when() < loop.time())
h0 = loop.call_later(0, order.append, "zero")
loop.call_soon(order.append, "soon")
print("when() after cancel unchanged", end=" ")
hc = loop.call_at(when + 1, order.append, "cancelled")
hc.cancel()
print(hc.when() == when + 1, hc.cancelled())

# the past and negative timers are due now: they run in the first iteration, after the
# call_soon callback that was already ready, in deadline order (-10 s before -5 s before 0 s)
def stop_when_done():
    if "later" in order:
        loop.stop()
    else:
        loop.call_later(0.005, stop_when_done)

loop.call_soon(stop_when_done)
loop.run_forever()
print(order)
print("after running, when() unchanged", h.when() == hw, ha.when() == when)
loop.close()
