import asyncio

# stop() at odd moments around run_until_complete() and run_forever(): stop() before a
# run_until_complete whose future gets its result in that one iteration (the future is done, so
# the run returns its result, though _run_until_complete_cb never ran; the user's done callback
# of that future runs in the next run); stop() before it with the future still pending (the
# error, and the future finishing in a later run without stopping it); stop() from the future's
# own done callback registered before the run; stop() twice and from a closed-over other loop's
# callback (the flag waits for the next run of this loop); stop() from a timer in a batch of due
# timers (the rest of the batch still runs); stop() then run_until_complete of an already done
# future; stop() inside a task step that then finishes in the same step; stop() on a closed loop.
loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()


def log(*args):
    print("  ", *args)


def ruc(label, aw):
    print("run_until_complete:", label)
    try:
        print("   ->", repr(loop.run_until_complete(aw)))
    except (Exception, asyncio.CancelledError) as e:
        print("   raised", type(e).__name__, repr(str(e)))


def run(label):
    print("run_forever:", label)
    loop.run_forever()
    print("   returned")


def chain(tag, n):
    log(tag, n)
    if n > 0:
        loop.call_soon(chain, tag, n - 1)


print("-- 1 stop() before, the future done in the one iteration")
f = loop.create_future()
f.add_done_callback(lambda fut: log("user done callback of f:", fut.result()))
loop.call_soon(f.set_result, "f result")
loop.call_soon(chain, "a", 2)
loop.stop()
ruc("f", f)
print("   f done:", f.done())
loop.call_soon(loop.stop)
run("next run")

print("-- 2 stop() before, the future still pending")
g = loop.create_future()
g.add_done_callback(lambda fut: log("user done callback of g:", fut.result()))
loop.call_soon(chain, "b", 2)
loop.stop()
ruc("g", g)
loop.call_soon(g.set_result, "g later")
loop.call_later(0.1, log, "timer: the run went on after g finished")
loop.call_later(0.2, loop.stop)
run("g finishes; its done callback no longer stops the loop")

print("-- 3 stop() from the future's own done callback")
h = loop.create_future()
h.add_done_callback(lambda fut: (log("h's callback stops the loop"), loop.stop()))
loop.call_soon(chain, "c", 3)
loop.call_soon(h.set_result, "h result")
ruc("h", h)
loop.call_soon(loop.stop)
run("drain")

print("-- 4 stop() twice, and from another loop's callback")
loop.stop()
loop.stop()
loop.call_soon(chain, "d", 2)
run("one iteration")
other.call_soon(loop.stop)
other.call_soon(other.stop)
other.run_forever()
print("   other ran; loop running:", loop.is_running())
run("stopped by the other loop's callback: one iteration")
loop.call_soon(loop.stop)
run("drain")

print("-- 5 stop() from a timer inside a batch of due timers")
now = loop.time()
loop.call_at(now - 0.3, log, "timer -0.3")
loop.call_at(now - 0.2, lambda: (log("timer -0.2 stops"), loop.stop()))
loop.call_at(now - 0.1, log, "timer -0.1")
loop.call_soon(chain, "e", 2)
loop.call_later(10, log, "never: far timer")
run("batch")
loop.call_soon(loop.stop)
run("drain")

print("-- 6 stop() then run_until_complete of a done future / a failed one")
done = loop.create_future()
done.set_result("was done")
loop.stop()
ruc("done", done)
bad = loop.create_future()
bad.set_exception(LookupError("was failed"))
loop.stop()
ruc("failed", bad)
loop.stop()
cancelled = loop.create_future()
cancelled.cancel("was cancelled")
ruc("cancelled", cancelled)


async def stop_and_finish(n):
    log("task stops the loop and returns without awaiting")
    asyncio.get_running_loop().stop()
    return n * 2


async def stop_and_await(n):
    log("task stops the loop and awaits sleep(0)")
    asyncio.get_running_loop().stop()
    await asyncio.sleep(0)
    log("task resumed in the next run")
    return n * 3


print("-- 7 stop() inside a task step")
ruc("stop_and_finish", stop_and_finish(21))
t = loop.create_task(stop_and_await(5))
ruc("stop_and_await", t)
print("   task done:", t.done())
ruc("stop_and_await again", t)

print("-- 8 stop() on a closed loop")
loop.close()
loop.stop()
print("   stop() on a closed loop is fine; running:", loop.is_running(), "closed:", loop.is_closed())
try:
    loop.run_forever()
except RuntimeError as e:
    print("   run_forever:", type(e).__name__, str(e))
other.close()
