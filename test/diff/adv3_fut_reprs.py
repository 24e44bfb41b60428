import asyncio

# Reprs of futures and handles whose results / arguments are floats and strings that reprlib
# shortens or that need Python's quoting; TimerHandle reprs before running, after running, after
# cancel; futures with 1..4 done callbacks.
loop = asyncio.new_event_loop()

vals = [
    "a" * 20 + "'" + "b" * 20,   # long, a quote only in the elided middle
    "c" * 12 + '"' + "d" * 30,   # long, a double quote near the start
    "x\ny",
    "q" * 29 + "\n",
    "both ' and \"",
    "tab\there",
    "z" * 30,
    "z" * 31,
    1e-7,
    float("nan"),
    float("inf"),
    float("-inf"),
    0.1,
    1.5e300,
    -2.5,
    123456789,
]
print("-- future results")
for v in vals:
    f = loop.create_future()
    f.set_result(v)
    print(repr(f))

print("-- call_soon handles")
for v in vals:
    h = loop.call_soon(print, v)
    print(repr(h))
    h.cancel()
    print(repr(h))
h = loop.call_soon(print, "one", 2, 0.5)
print(repr(h))
h.cancel()

print("-- timer handles")
t = loop.call_at(-3.5, print, "timer ran", 1e-7)
t2 = loop.call_at(-3.25, print)
t3 = loop.call_at(-2.75, print, "t3", "x" * 40)
print(repr(t))
print(repr(t2))
print(repr(t3))
t3.cancel()
print(repr(t3), t3.when(), t3.cancelled())
loop.call_soon(loop.stop)
loop.run_forever()
print("after run:", repr(t), t.when(), t.cancelled())
print("after run:", repr(t2), t2.cancelled())
t.cancel()
print("cancel after run:", repr(t), t.when(), t.cancelled())

print("-- done callbacks in reprs")
f = loop.create_future()
for i in range(4):
    f.add_done_callback(print)
    print(repr(f))
print("removed", f.remove_done_callback(print), repr(f))
f.cancel()
print(repr(f))
g = loop.create_future()
g.set_exception(ValueError("it's \"quoted\""))
print(repr(g))
g.exception()
g2 = loop.create_future()
g2.set_exception(ValueError("e" * 50))
print(repr(g2))
g2.exception()
loop.close()
