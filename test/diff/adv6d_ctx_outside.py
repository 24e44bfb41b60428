import asyncio
import contextvars

# contextvars for work scheduled from outside the loop and from callbacks: call_soon, call_later
# and call_at made inside Context.run with different values (and outside any) each run with
# their own value, in deadline order, also when a cancelled sibling sits between them; a timer
# that schedules another callback and creates a task passes its value on; as_completed over
# coroutines made in different contexts (the tasks are made at the call, in the caller's
# context); run_until_complete of coroutines created in a context run in the context current at
# run_until_complete; a done callback added from outside in a context sees that value; the
# values set inside a callback's own Context.run do not leak to the next callback.
var = contextvars.ContextVar("var")


def get():
    return var.get("<unset>")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
log = []


def cb(tag):
    log.append((tag, get()))


def spawner(tag):
    log.append((tag, get()))
    loop.call_soon(cb, tag + "/soon")
    loop.create_task(child(tag + "/task"))


async def child(tag):
    log.append((tag, get()))
    await asyncio.sleep(0)
    log.append((tag + " after sleep", get()))


def in_ctx(value, fn, *args):
    ctx = contextvars.copy_context()

    def setter():
        var.set(value)
        return fn(*args)

    return ctx.run(setter)


t0 = loop.time()
in_ctx("A", loop.call_at, t0 + 0.3, cb, "A-at-0.3")
in_ctx("B", loop.call_later, 0.15, cb, "B-later-0.15")
h = in_ctx("C", loop.call_later, 0.2, cb, "C-cancelled")
loop.call_soon(cb, "plain-soon")
in_ctx("D", loop.call_soon, cb, "D-soon")
in_ctx("E", loop.call_later, 0.45, spawner, "E-spawner")
h.cancel()
loop.call_later(0.7, loop.stop)
loop.run_forever()
for entry in log:
    print(entry)
log.clear()

print("-- as_completed and run_until_complete")


async def value_after(tag, d):
    await asyncio.sleep(d)
    return (tag, get())


async def consume(coros):
    var.set("consumer")
    out = []
    for f in asyncio.as_completed(coros):
        out.append(await f)
    out.append(("consumer", get()))
    return out


coros = [in_ctx("X", value_after, "x", 0.2), in_ctx("Y", value_after, "y", 0.0)]
print(in_ctx("R", loop.run_until_complete, consume(coros)))


async def consume_made_here():
    var.set("maker")
    fs = [value_after("m1", 0.1), value_after("m2", 0.0)]
    var.set("maker-later")
    return [await f for f in asyncio.as_completed(fs)]


print(loop.run_until_complete(consume_made_here()))
print("outside after:", get())

print("-- done callbacks added from outside")
fut = loop.create_future()
in_ctx("F1", fut.add_done_callback, lambda f: cb("F1-done"))
fut.add_done_callback(lambda f: cb("plain-done"))
in_ctx("F2", fut.add_done_callback, lambda f: cb("F2-done"))


def setter_cb():
    var.set("leaked?")
    log.append(("setter", get()))


in_ctx("G", loop.call_soon, setter_cb)
loop.call_soon(cb, "after-setter")
in_ctx("H", loop.call_soon, fut.set_result, None)
loop.run_until_complete(in_ctx("S", asyncio.sleep, 0.05))
for entry in log:
    print(entry)
loop.close()
