import asyncio
import re

# The argument shapes of call_soon, call_soon_threadsafe, call_later and call_at side by side:
# none, a single None, a single list (passed as one argument, not spread), two, three, twelve and
# 200 arguments; what the callback receives (count, identity of object arguments, mutations made
# after scheduling), the handle's repr before and after; the four kinds interleaved keep FIFO
# among the call_soon kinds and deadline order among timers (deadlines 1 s apart in the past);
# a callback that re-schedules itself with one more argument each time; a failing callback's
# message with each shape.
loop = asyncio.new_event_loop()
shared = ["n", 0]
lst = [1, 2]


def s(x):
    return re.sub(r" at \S+\.py:\d+", "", repr(x))


def handler(lp, ctx):
    print("   handler:", re.sub(r" at \S+:\d+$", "", ctx["message"])[:90])


loop.set_exception_handler(handler)


def recv(tag, *args):
    ids = [a is shared or a is lst for a in args]
    print("  ", tag, "got", len(args), "args;", "shared/lst by identity:", sum(ids),
          "| first:", repr(args[0]) if args else "-", "| last:", repr(args[-1]) if args else "-")


def fail(*args):
    raise ValueError(len(args))


SHAPES = [
    ("none", ()),
    ("None", (None,)),
    ("list", (lst,)),
    ("two", (shared, lst)),
    ("three", ("a", 2.5, False)),
    ("twelve", tuple(range(12))),
    ("200", tuple(range(200))),
]
H = []
now = loop.time()
k = 0
for name, args in SHAPES:
    H.append(loop.call_soon(recv, "soon/" + name, *args))
    H.append(loop.call_soon_threadsafe(recv, "threadsafe/" + name, *args))
    k += 1
    H.append(loop.call_at(now - 100 + k, recv, "at/" + name, *args))
    k += 1
    H.append(loop.call_later(-100 + k, recv, "later/" + name, *args))
for h in H:
    r = s(h)
    print(re.sub(r"when=\S+", "when=W", r)[:100])
shared[1] = 1
lst.append(3)


def grow(*args):
    print("   grow with", len(args), "args")
    if len(args) < 5:
        loop.call_soon(grow, *args, len(args))
    else:
        loop.stop()


loop.call_soon(grow)
for i, (name, args) in enumerate(SHAPES):
    loop.call_soon(fail, *args)
    loop.call_at(now - 1 + i * 0.01, fail, *args)
loop.run_forever()
print("after the run")
for h in H[:8]:
    print(re.sub(r"when=\S+", "when=W", s(h))[:100], h.cancelled())
print("lst:", lst, "shared:", shared)
loop.close()
