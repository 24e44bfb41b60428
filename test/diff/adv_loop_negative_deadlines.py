import asyncio

# Timers whose deadlines have passed fire in deadline order, like any other timers
# (asyncio keeps them in a heap ordered by when()), however far in the past the deadline is.
loop = asyncio.new_event_loop()


def log(name):
    print(" ", name)


def start():
    t = loop.time()
    print("scheduling, all in the past")
    loop.call_at(t - 2, log, "A at t-2")
    loop.call_at(t - 4, log, "B at t-4")
    loop.call_at(t - 3, log, "C at t-3")
    loop.call_later(-1, log, "D delay -1")
    loop.call_later(-5, log, "E delay -5")
    loop.call_at(t - 0.001, log, "F at t-0.001")
    loop.call_later(0, log, "G delay 0")
    loop.call_soon(log, "S call_soon")
    loop.call_later(0.05, loop.stop)


loop.call_soon(start)
loop.run_forever()
loop.close()
