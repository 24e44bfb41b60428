import asyncio

# asyncio's one-iteration rule: an iteration runs only the callbacks that were ready when it started;
# callbacks scheduled while it runs wait for the next one, behind everything queued before them.
loop = asyncio.new_event_loop()
n = 0

def tick():
    global n
    n += 1
    print("-- iteration", n)
    if n == 5:
        loop.stop()
    else:
        loop.call_soon(tick)

def chain(name, left):
    print(name, left)
    if left > 0:
        loop.call_soon(chain, name, left - 1)

def fan(name, k):
    print("fan", name, k)
    for i in range(k):
        loop.call_soon(print, "fan child", name, i)

fut = loop.create_future()

def on_done(f):
    print("done callback", f.result())
    loop.call_soon(print, "scheduled by done callback")

def on_done2(f):
    print("done callback 2", f.result())

fut.add_done_callback(on_done)
fut.add_done_callback(on_done2)

def resolver():
    print("resolver sets result")
    fut.set_result("R")
    print("resolver after set_result, done:", fut.done())

loop.call_soon(tick)
loop.call_soon(chain, "a", 3)
loop.call_soon(fan, "x", 3)
loop.call_soon(resolver)
loop.call_soon(chain, "b", 1)
loop.call_soon(fan, "y", 2)
loop.run_forever()
print("stopped after", n, "iterations")
loop.close()
