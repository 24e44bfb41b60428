import asyncio
import time

# Timers and callbacks that wait between runs: what run_until_complete() leaves pending (timers,
# callbacks queued in its last iteration, tasks) runs in the next run; deadlines that passed
# while no run was going (a blocking wait between runs) fire in the next run's first iteration,
# behind the callbacks queued before it, in deadline order, before what the first iteration
# queues; a timer cancelled between runs never fires; a task sleeping across two runs wakes in
# the second; a stop() from a timer during run_until_complete ends that run early.
loop = asyncio.new_event_loop()


def log(*args):
    print("  ", *args)


def blocking(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


async def sleeper(tag, d):
    log(tag, "sleeps", d)
    await asyncio.sleep(d)
    log(tag, "woke")
    return tag


def chain(tag, n):
    log(tag, n)
    if n > 0:
        loop.call_soon(chain, tag, n - 1)


print("-- 1 a run leaves work behind")
t_long = loop.create_task(sleeper("long", 1.5), name="long")
h_a = loop.call_later(0.5, log, "timer a (+0.5)")
h_b = loop.call_later(0.55, log, "timer b (+0.55)")
h_c = loop.call_later(0.8, log, "timer c (+0.8, cancelled between runs)")
print("result", loop.run_until_complete(sleeper("short", 0.01)))
loop.call_soon(chain, "q", 1)
h_c.cancel()
print("-- 2 blocking between runs: a and b are overdue")
blocking(0.7)
loop.call_soon(log, "queued between runs")
print("result", loop.run_until_complete(sleeper("zero", 0)))
print("-- 3 the long sleeper wakes in a later run")
print("result", loop.run_until_complete(t_long))
print("-- 4 a timer stops run_until_complete early")
f = loop.create_future()
loop.call_later(0.02, loop.stop)
loop.call_later(0.5, f.set_result, "f done")
try:
    loop.run_until_complete(f)
except RuntimeError as e:
    print("raised", type(e).__name__, str(e))
print("f done?", f.done())
print("result", loop.run_until_complete(f))
print("-- 5 past deadlines scheduled between runs, shuffled")
now = loop.time()
for off in (0.3, 0.1, 0.5, 0.2, 0.4):
    loop.call_at(now - off, log, "past -%s" % off)
loop.call_soon(log, "soon")
loop.call_later(0, log, "later(0)")
print("result", loop.run_until_complete(sleeper("s", 0.01)))
print("cancelled flags", h_a.cancelled(), h_b.cancelled(), h_c.cancelled())
loop.close()
