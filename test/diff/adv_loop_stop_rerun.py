import asyncio

# loop.stop() from different places (timer batch, done callback, exception handler, before the
# run), then run_forever / run_until_complete again: what runs in which run.
loop = asyncio.new_event_loop()


def log(*args):
    print(" ", *args)


def run(label):
    print("run", label)
    loop.run_forever()
    print("run", label, "returned")


# 1. stop() from a timer; a later timer due in the same iteration still runs; what it queues waits
def t_stop():
    log("t_stop calls stop()")
    loop.stop()
    loop.call_soon(log, "queued by t_stop")


def phase1():
    t = loop.time()
    loop.call_at(t - 0.03, t_stop)
    loop.call_at(t - 0.02, log, "timer after t_stop, same iteration")
    loop.call_at(t - 0.01, lambda: loop.call_soon(log, "queued by the third timer"))
    loop.call_later(0.05, log, "pending timer (next run)")
    loop.call_soon(log, "queued by phase1 (runs before the due timers)")


loop.call_later(0.1, phase1)
run("1")
loop.call_later(0.1, loop.stop)
run("1b")

# 2. stop() from a done callback; the other done callbacks of that future still run
f = loop.create_future()
f.add_done_callback(lambda fut: log("cb1", fut.result()))
f.add_done_callback(lambda fut: (log("cb2 stops"), loop.stop()))
f.add_done_callback(lambda fut: log("cb3", fut.result()))
loop.call_soon(f.set_result, "F")
loop.call_soon(log, "same iteration as set_result")
run("2")
loop.call_soon(loop.stop)
run("2b")

# 3. stop() from the exception handler
def handler(lp, ctx):
    log("handler:", type(ctx["exception"]).__name__, "-> stop()")
    lp.stop()


def boom():
    raise KeyError("k")


loop.set_exception_handler(handler)
loop.call_soon(boom)
loop.call_soon(log, "after boom, same iteration")
loop.call_soon(lambda: loop.call_soon(log, "next iteration (next run)"))
run("3")
loop.call_soon(loop.stop)
run("3b")
loop.set_exception_handler(None)

# 4. stop() before run_until_complete: the run stops after one iteration
g = loop.create_future()
loop.call_later(0.05, g.set_result, "G")
loop.stop()
loop.stop()
loop.call_soon(log, "runs in the single iteration")
try:
    loop.run_until_complete(g)
except RuntimeError as e:
    print("run_until_complete raised", type(e).__name__, str(e), "| g done", g.done())
print("second run_until_complete ->", loop.run_until_complete(g))

# 5. run_until_complete on done futures: one iteration (its stop callback runs in it)
d = loop.create_future()
d.set_result("D")
loop.call_soon(log, "queued before")
loop.call_soon(lambda: (log("chainer"), loop.call_soon(log, "queued by chainer (runs next time)")))
print("done future ->", loop.run_until_complete(d))
loop.stop()
print("done future after stop() ->", loop.run_until_complete(d))
x = loop.create_future()
x.set_exception(ValueError("failed before the run"))
try:
    loop.run_until_complete(x)
except ValueError as e:
    print("failed future raised", repr(e))
c = loop.create_future()
c.cancel("cancelled before the run")
try:
    loop.run_until_complete(c)
except asyncio.CancelledError as e:
    print("cancelled future raised", repr(e))
loop.call_soon(loop.stop)
run("5")
print("closed", loop.is_closed(), "running", loop.is_running())
loop.close()
