import asyncio

# run_until_complete() corners: the future completes in the iteration that also stops the loop,
# so its _run_until_complete_cb stays queued and stops the NEXT run after one iteration; an
# already-done future; a stop() pending before the run; a future cancelled with a message by a
# callback; done callbacks registered before and after the run's own.
loop = asyncio.new_event_loop()


def say(*a):
    print(" ", *a)


def chain(n, tag):
    say(tag, n)
    if n > 0:
        loop.call_soon(chain, n - 1, tag)


print("-- 1 stop() and set_result in one iteration")
f = loop.create_future()
loop.call_soon(say, "A")
loop.call_soon(loop.stop)
loop.call_soon(f.set_result, "r1")
loop.call_soon(say, "B")
print("result", loop.run_until_complete(f))
print("-- next run_forever (the leftover done callback stops it)")
loop.call_soon(chain, 3, "c")
# (this run ends at once; its stop timer is cancelled, so that no later run meets it)
early_stop = loop.call_later(0.3, loop.stop)
loop.run_forever()
early_stop.cancel()
print("-- drain")
loop.call_later(0.3, loop.stop)
loop.run_forever()

print("-- 2 already done future, with queued callbacks")
g = loop.create_future()
g.set_result("r2")
loop.call_soon(chain, 2, "d")
g.add_done_callback(lambda fut: say("g cb before run"))
print("result", loop.run_until_complete(g))
loop.call_later(0.3, loop.stop)
loop.run_forever()

print("-- 3 stop() pending before run_until_complete")
h = loop.create_future()
loop.stop()
loop.call_soon(chain, 2, "e")
try:
    loop.run_until_complete(h)
except RuntimeError as e:
    print("raised", type(e).__name__, str(e))
print("h done", h.done(), "callbacks left", len(h._callbacks or []))
loop.call_soon(h.set_result, "late")
loop.call_later(0.3, loop.stop)
loop.run_forever()
print("h", h.result())

print("-- 4 cancelled by a callback with a message")
k = loop.create_future()
k.add_done_callback(lambda fut: say("k cb 1, cancelled", fut.cancelled()))
loop.call_soon(k.cancel, "stop it")
loop.call_soon(lambda: k.add_done_callback(lambda fut: say("k cb added after cancel")))
try:
    loop.run_until_complete(k)
except asyncio.CancelledError as e:
    print("raised CancelledError", repr(str(e)))
loop.call_later(0.3, loop.stop)
loop.run_forever()

print("-- 5 failing future, exception retrieved by the run")
m = loop.create_future()
loop.call_later(0.01, m.set_exception, LookupError("kk"))
try:
    loop.run_until_complete(m)
except LookupError as e:
    print("raised", type(e).__name__, str(e))

print("-- 6 run_until_complete of a future that a done callback of another completes")
p = loop.create_future()
q = loop.create_future()
p.add_done_callback(lambda fut: q.set_result(fut.result() + "+q"))
q.add_done_callback(lambda fut: say("q cb sees", fut.result()))
loop.call_later(0.01, p.set_result, "p")
print("result", loop.run_until_complete(q))
loop.call_later(0.3, loop.stop)
loop.run_forever()
loop.close()
print("closed")
