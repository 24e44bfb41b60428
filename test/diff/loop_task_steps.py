import asyncio

# Task steps are ordinary ready-queue callbacks: they interleave with call_soon callbacks,
# timers and future callbacks by asyncio's one-iteration rule.
loop = asyncio.new_event_loop()
n = 0

def tick():
    global n
    n += 1
    print("-- iteration", n)
    if n == 8:
        loop.stop()
    else:
        loop.call_soon(tick)

gate = loop.create_future()

async def a():
    for i in range(3):
        print("A step", i)
        await asyncio.sleep(0)
    print("A returns")
    return "A"

async def b():
    print("B waits on gate")
    v = await gate
    print("B got", v)
    await asyncio.sleep(0)
    print("B returns")
    return "B"

def cb(name, then=None):
    print("cb", name)
    if then:
        loop.call_soon(*then)

def open_gate():
    print("open_gate")
    gate.set_result("gate value")

def report(t):
    print("done callback of", t.get_name(), t.result())

loop.call_soon(tick)
ta = loop.create_task(a(), name="A")
loop.call_soon(cb, "1", (cb, "2", (open_gate,)))
tb = loop.create_task(b(), name="B")
ta.add_done_callback(report)
tb.add_done_callback(report)
loop.call_soon(cb, "3")
loop.run_forever()
print(ta.result(), tb.result())
loop.close()
