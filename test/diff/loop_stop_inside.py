import asyncio

# stop() from a callback: the rest of the current iteration still runs; what it schedules stays
# pending and runs on the next run_forever().
loop = asyncio.new_event_loop()

def child(name):
    print("child", name)

def stopper():
    print("stopper calls stop(), running:", loop.is_running())
    loop.stop()
    print("still running inside the callback:", loop.is_running())
    loop.call_soon(child, "scheduled by stopper")

def before():
    print("before")
    loop.call_soon(child, "scheduled by before")

def after():
    print("after stop, same iteration")
    loop.call_soon(child, "scheduled by after")

loop.call_soon(before)
loop.call_soon(stopper)
loop.call_soon(after)
loop.call_later(0.1, child, "timer")
print("run 1")
loop.run_forever()
print("run 1 returned, running:", loop.is_running())

# stop() called twice in one iteration is still one stop
def double_stop():
    print("double stop")
    loop.stop()
    loop.stop()

def run2_last():
    print("run 2 last")

# one deadline for both (two call_later(0.3) calls read the clock twice: a machine that stalls
# between them, with a loop that wakes at the first deadline to the microsecond, would run them
# in two iterations)
t2 = loop.time() + 0.3
loop.call_at(t2, double_stop)
loop.call_at(t2, run2_last)
print("run 2")
loop.run_forever()
print("run 2 returned")

# a callback that stops the loop from a timer while other timers are pending
def tstop():
    print("timer stop")
    loop.stop()

loop.call_later(0.1, tstop)
loop.call_later(0.5, child, "pending timer")
print("run 3")
loop.run_forever()
print("run 3 returned")
loop.call_later(0.1, loop.stop)
print("run 4")
loop.run_forever()
print("run 4 returned")
loop.close()
