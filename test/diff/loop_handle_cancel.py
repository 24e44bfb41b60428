import asyncio

loop = asyncio.new_event_loop()

def cb(name):
    print("run", name)

h1 = loop.call_soon(cb, "h1")
h2 = loop.call_soon(cb, "h2")
h3 = loop.call_soon(cb, "h3")
h2.cancel()
print("h2 cancelled", h2.cancelled(), "h1 cancelled", h1.cancelled())
h2.cancel()  # idempotent
print("h2 cancelled twice", h2.cancelled())

t1 = loop.call_later(0.05, cb, "t1")
t2 = loop.call_later(0.1, cb, "t2")
t3 = loop.call_later(0.15, cb, "t3")
t2.cancel()
print("t2 cancelled", t2.cancelled(), "t1 cancelled", t1.cancelled())

# cancelling a handle from an earlier callback of the same iteration: it never runs
late = []

def canceller():
    print("run canceller")
    late[0].cancel()
    print("victim cancelled", late[0].cancelled())

loop.call_soon(canceller)
late.append(loop.call_soon(cb, "victim"))
loop.call_soon(cb, "after victim")

# a due timer moved to the ready queue can still be cancelled by a callback before it
timer_box = []

def timer_canceller():
    print("run timer_canceller")
    for t in timer_box:
        t.cancel()
    print("due timers cancelled", [t.cancelled() for t in timer_box])

def stage2():
    print("stage2")
    loop.call_soon(timer_canceller)
    timer_box.append(loop.call_later(-1, cb, "due timer A"))
    timer_box.append(loop.call_at(loop.time() - 2, cb, "due timer B"))

loop.call_later(0.2, stage2)

# a self-cancelling timer callback; cancel() after the callback ran
after = []

def self_cancel():
    print("run self_cancel, cancelled before:", after[0].cancelled())
    after[0].cancel()
    print("cancelled after cancel() inside its own callback:", after[0].cancelled())

after.append(loop.call_later(0.25, self_cancel))
loop.call_later(0.35, loop.stop)
loop.run_forever()
print("h1 after run: cancelled", h1.cancelled())
h1.cancel()
print("h1 cancel() after it ran: cancelled", h1.cancelled())
t1.cancel()
print("t1 cancel() after it ran: cancelled", t1.cancelled())
# a cancelled timer does not keep the loop busy nor fire on the next run
ht = loop.call_later(0.05, cb, "never")
ht.cancel()
loop.call_later(0.15, loop.stop)
loop.run_forever()
print("done")
loop.close()
