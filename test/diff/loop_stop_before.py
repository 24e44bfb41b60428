import asyncio

# stop() before run_forever(): the loop runs exactly one iteration, then returns.
loop = asyncio.new_event_loop()

def cb(name):
    print("cb", name)
    loop.call_soon(cb2, name)

def cb2(name):
    print("cb2", name)

loop.call_soon(cb, "a")
loop.call_soon(cb, "b")
loop.call_later(-1, print, "due timer")
loop.call_later(0.3, print, "timer 300ms")
loop.stop()
print("stop() before running; running:", loop.is_running())
loop.run_forever()
print("returned after one iteration")

# the stop queued behind cb2 ends the second run after one iteration; the timer stays pending
loop.call_soon(loop.stop)
loop.run_forever()
print("second run returned")
loop.stop()
loop.run_forever()
print("third run returned (nothing ready)")

# the stop flag is consumed by a run: the next run keeps going until stopped again
def later_stop():
    print("later stop")
    loop.stop()

loop.call_later(0.5, later_stop)
loop.run_forever()
print("fourth run returned")
loop.close()
