import asyncio
import re

# The reprs that show callbacks: a future's 'cb=[...]' with 0 to 6 done callbacks (asyncio shows
# the first, '<n more>' and the last), after remove_done_callback() (which removes every
# registration of the function and returns the count), with a task waiting on it
# (Task.task_wakeup), a handle whose argument is such a future (cut to 30 characters), a handle
# with 40 arguments (all shown); done callbacks removed or added while the future's callbacks
# run (those already scheduled all run; remove_done_callback() then returns 0; one added after
# completion is scheduled at once); the exception handler's message for a failing done callback.
loop = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


def handler(lp, ctx):
    print("   handler:", re.sub(r" at \S+:\d+$", "", ctx["message"]), "|", type(ctx["exception"]).__name__)


loop.set_exception_handler(handler)


def a(fut):
    print("   a runs")


def b(fut):
    print("   b runs; remove a ->", fut.remove_done_callback(a), "| remove c ->", fut.remove_done_callback(c))
    fut.add_done_callback(d)
    print("   b added d:", s(fut))


def c(fut):
    print("   c runs")


def d(fut):
    print("   d runs")


def e(fut):
    raise ValueError("e failed")


f = loop.create_future()
print(s(f))
for cb in (a, b, c, a, e, b):
    f.add_done_callback(cb)
    print(s(f))
g = loop.create_future()
g.set_result("a result long enough to be cut")


def noop(*args):
    pass


print("handle with a future:", s(loop.call_soon(noop, g, g)))
print("handle with 40 arguments:", s(loop.call_soon(noop, *range(40))))
loop.call_soon(loop.stop)
loop.run_forever()
print("remove b ->", f.remove_done_callback(b), s(f))
print("remove zzz ->", f.remove_done_callback(print), s(f))
f.add_done_callback(b)
f.add_done_callback(a)


async def waiter(tag):
    r = await f
    print("  ", tag, "woke with", r)


tasks = [loop.create_task(waiter("w%d" % i), name="w%d" % i) for i in range(3)]
loop.call_soon(loop.stop)
loop.run_forever()
print(s(f))
print(s(tasks[0]))
print("-- completing f")
loop.call_soon(f.set_result, "R")
loop.call_soon(lambda: print("   f after set_result:", s(f)))
loop.call_later(0.2, loop.stop)
loop.run_forever()
print(s(f))
print("-- a callback added after completion")
f.add_done_callback(c)
print("remove c right away ->", f.remove_done_callback(c))
f.add_done_callback(a)
loop.call_soon(loop.stop)
loop.run_forever()
print(s(f))
loop.close()
