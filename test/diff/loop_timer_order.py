import asyncio

loop = asyncio.new_event_loop()

def fire(name, h_box=None):
    late = loop.time() + 1e-6 >= h_box[0].when() if h_box else None
    print("fire", name, "not early:", late)

def box_later(delay, name):
    b = []
    b.append(loop.call_later(delay, fire, name, b))
    return b[0]

def box_at(when, name):
    b = []
    b.append(loop.call_at(when, fire, name, b))
    return b[0]

def nested(name):
    print("nested timer callback", name)
    # scheduled from inside a timer callback: ordered by their own deadlines
    box_later(0.1, name + ".slow")
    box_later(0.05, name + ".fast")

# out-of-order scheduling; fired by deadline
box_later(0.2, "d")
box_later(0.05, "a")
box_later(0.15, "c")
box_later(0.1, "b")
loop.call_later(0.25, nested, "n")
loop.call_later(1.0, loop.stop)  # 0.65 s after the last timer: room for a late wake-up
loop.call_soon(print, "call_soon runs first")
loop.run_forever()
print("stopped")
# two timers with the same deadline fire in scheduling order (asyncio's heap keeps the order
# of two equal timers; aionode promises it for any number)
t0 = loop.time()
h1 = box_at(t0 + 0.1, "same-1")
h2 = box_at(t0 + 0.1, "same-2")
print("same when", h1.when() == h2.when(), h1.when() == t0 + 0.1)
loop.call_at(t0 + 0.15, loop.stop)
loop.run_forever()
print("stopped")
loop.close()
