import asyncio

loop = asyncio.new_event_loop()

def say(*args):
    print(*args)

def stop_after(n):
    # stop the loop n iterations from now (deterministic, unlike a timer)
    if n == 0:
        loop.stop()
    else:
        loop.call_soon(stop_after, n - 1)

def make_cb(name):
    def cb(f):
        state = "cancelled" if f.cancelled() else repr(f.result())
        print("done cb", name, state)
    return cb

# 1. done callbacks are scheduled with call_soon when the result is set, behind what is queued
f1 = loop.create_future()
for n in ("a", "b", "c"):
    f1.add_done_callback(make_cb("f1." + n))
loop.call_soon(say, "soon 1")
f1.set_result(1)
loop.call_soon(say, "soon 2")
print("f1 done before running", f1.done())

# 2. adding a callback to a done future schedules it at once
f1.add_done_callback(make_cb("f1.late"))
loop.call_soon(say, "soon 3")

# 3. remove_done_callback removes every registration of that function
f2 = loop.create_future()
cb_x = make_cb("f2.x")
cb_y = make_cb("f2.y")
f2.add_done_callback(cb_x)
f2.add_done_callback(cb_y)
f2.add_done_callback(cb_x)
print("removed", f2.remove_done_callback(cb_x), "then", f2.remove_done_callback(cb_x))

# 4. set from inside a callback: the done callbacks run in the next iteration
def resolve_f2():
    print("resolve_f2")
    f2.set_result("two")
    loop.call_soon(say, "queued after set_result")

loop.call_soon(resolve_f2)
loop.call_soon(say, "same iteration as resolve_f2")
stop_after(4)
loop.run_forever()
print("-- phase 2")

# 5. cancel() also schedules the callbacks
f3 = loop.create_future()
f3.add_done_callback(make_cb("f3"))

def cancel_f3():
    print("cancel_f3", f3.cancel())
    print("cancel again", f3.cancel())

loop.call_soon(cancel_f3)
stop_after(3)
loop.run_forever()
print("-- phase 3")

# 6. a chain: a done callback resolves another future
f4 = loop.create_future()
f5 = loop.create_future()
f4.add_done_callback(lambda f: f5.set_result(f.result() + 1))
f5.add_done_callback(make_cb("f5"))
def phase3():
    f4.set_result(41)
    say("timer callback: f4.set_result done")
    stop_after(3)

loop.call_later(0.01, phase3)
loop.run_forever()
loop.close()
