import asyncio
import re

# call_soon / call_later / call_at with odd deadlines and arguments: -inf, -1e308, -0.0, 5e-324,
# 1e308 and delays that round to "now" (their when() and reprs, and the firing order: deadline
# order, then the callbacks' scheduling order); callbacks with no, one and a dozen arguments,
# special floats, nested and long values (the handle's repr before and after the run, and after
# a cancel() that comes too late); a list argument mutated between scheduling and running (the
# callback and the repr see the change); the same function scheduled three times with the middle
# handle cancelled; callbacks whose return values (a coroutine, a future) are ignored.
loop = asyncio.new_event_loop()
out = []


def rec(*args):
    out.append(args)


def show(h):
    return re.sub(r" at \S+\.py:\d+", "", repr(h))


print("-- odd deadlines")
H = {}
H["ninf"] = loop.call_later(float("-inf"), rec, "ninf")
H["nhuge"] = loop.call_at(-1e308, rec, "nhuge")
H["m5"] = loop.call_at(-5.0, rec, "m5")
H["negzero"] = loop.call_at(-0.0, rec, "negzero")
H["denorm"] = loop.call_at(5e-324, rec, "denorm")
H["huge"] = loop.call_later(1e308, rec, "never")
H["hugeat"] = loop.call_at(1.7976931348623157e308, rec, "never")
t = loop.time()
H["tinyneg"] = loop.call_later(-1e-300, rec, "tinyneg")
H["tinypos"] = loop.call_later(5e-324, rec, "tinypos")
H["zero"] = loop.call_later(-0.0, rec, "zero")
u = loop.time()
loop.call_soon(rec, "soon")
for k in ("ninf", "nhuge", "m5", "negzero", "denorm", "huge", "hugeat"):
    print(k, repr(H[k].when()), show(H[k]))
for k in ("tinyneg", "tinypos", "zero"):
    print(k, "when() within the clock readings around it:", t <= H[k].when() <= u)
loop.call_later(0.02, loop.stop)
loop.run_forever()
print([a[0] for a in out])
H["huge"].cancel()
H["hugeat"].cancel()
print(show(H["huge"]), show(H["hugeat"]), H["huge"].when())

print("-- arguments")
out.clear()


def many(*args):
    out.append(len(args))


lst = [1, 2]
h_none = loop.call_soon(rec)
h_one = loop.call_soon(rec, "one")
h_many = loop.call_soon(many, *range(12))
h_floats = loop.call_soon(many, -0.0, 1e16, 1e-05, 0.1 + 0.2, float("nan"), float("-inf"), 2.0 ** 60)
h_nested = loop.call_soon(rec, [[1, [2, [3, [4, [5, [6, [7]]]]]]]], ["x" * 31, 'q"uote', "it's"])
h_list = loop.call_soon(rec, lst)
lst.append("added after scheduling")
lst[0] = "changed"
for h in (h_none, h_one, h_many, h_floats, h_nested, h_list):
    print(show(h))
print("-- the same function three times, the middle one cancelled")
hs = [loop.call_soon(rec, "same", i) for i in range(3)]
hs[1].cancel()
print([show(h) for h in hs])


async def coro():
    out.append("never: a coroutine returned by a callback is not run")


def returns_coroutine():
    out.append("returns_coroutine")
    c = coro()
    held.append(c)
    return c


def returns_future():
    out.append("returns_future")
    return loop.create_future()


held = []
loop.call_soon(returns_coroutine)
loop.call_soon(returns_future)
loop.call_soon(loop.stop)
loop.run_forever()
for x in out:
    print(" ", x)
print("after the run")
for h in (h_none, h_one, h_many, h_floats, h_nested, h_list):
    print(show(h), h.cancelled())
for h in (h_one, h_list):
    h.cancel()
    print("cancelled after it ran:", show(h), h.cancelled())
for c in held:
    c.close()
loop.close()
