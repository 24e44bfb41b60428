import asyncio
import re

# Errors around timers: a timer callback that raises (the handler's context: message, sorted
# keys, the exception, the TimerHandle's repr and cancelled()), the rest of its batch still runs
# and so do later timers; a timer that raises after scheduling more work; timers calling
# run_until_complete(), run_forever() or close() on their running loop (asyncio.run() there is an
# async function's rejection in aionode: loop_run_main pins it); bad delays (the exception's type
# only: the messages are aionode's); an exception handler that cancels the next timer of the batch;
# the loop keeps working after each.
loop = asyncio.new_event_loop()
out = []


def r(h):
    return re.sub(r" at \S+\.py:\d+", "", re.sub(r"when=[-0-9.e+inf]+", "when=W", repr(h)))


def handler(lp, ctx):
    h = ctx.get("handle")
    out.append("handler: %s | keys %s | %r | %s | cancelled %s" % (
        re.sub(r" at \S+\.py:\d+", "", ctx["message"]), sorted(ctx), ctx.get("exception"), r(h), h.cancelled()))


loop.set_exception_handler(handler)


def rec(name):
    out.append(name)


ERRORS = {"ValueError": ValueError, "RuntimeError": RuntimeError, "ZeroDivisionError": ZeroDivisionError,
          "TypeError": TypeError, "LookupError": LookupError}


def boom(name, kind, *args):
    out.append(name)
    raise ERRORS[kind](*args)


def boom_after(name):
    out.append(name)
    loop.call_soon(rec, name + ">soon")
    loop.call_at(-1.0, rec, name + ">past")
    raise KeyError(name)


def stop_later():
    loop.call_later(0.02, loop.stop)


def run(label):
    loop.call_soon(stop_later)
    loop.run_forever()
    print(label)
    for line in out:
        print("  ", line)
    out.clear()


print("-- raising timers in one batch")
loop.call_at(-9.0, rec, "t1")
loop.call_at(-8.0, boom, "t2", "ValueError", "v")
loop.call_at(-7.0, boom, "t3", "RuntimeError")
loop.call_at(-6.0, boom_after, "t4")
loop.call_at(-5.0, boom, "t5", "ZeroDivisionError", "division by zero, a long message")
loop.call_at(-4.0, rec, "t6")
run("batch")


print("-- a raising call_later and a raising future timer, then a sleep")


async def after():
    v = await asyncio.sleep(0.05, "slept fine")
    out.append(v)


loop.call_later(0, boom, "later0", "TypeError", "t")
loop.call_later(0.01, boom, "later10ms", "LookupError", "l")
loop.run_until_complete(after())
loop.call_soon(stop_later)
run("later")


print("-- re-entering the running loop from a timer")


def reenter(kind):
    coro = None
    try:
        if kind == "ruc":
            coro = asyncio.sleep(0)
            loop.run_until_complete(coro)
        elif kind == "forever":
            loop.run_forever()
        elif kind == "close":
            loop.close()
    except RuntimeError as e:
        out.append("%s: %r" % (kind, e))
    finally:
        if coro is not None:
            coro.close()
    out.append("%s: running %s closed %s" % (kind, loop.is_running(), loop.is_closed()))


for i, kind in enumerate(["ruc", "forever", "close"]):
    loop.call_at(-10.0 + i, reenter, kind)
run("reenter")


print("-- bad delays: exception types")
for d in ("1", None, [], {}):
    for name, f in (("call_later", lambda: loop.call_later(d, rec, "bad")),):
        try:
            f()
            out.append("%s(%r) accepted" % (name, d))
        except TypeError as e:
            out.append("%s(%r) %s" % (name, d, type(e).__name__))

    async def s():
        return await asyncio.sleep(d)

    try:
        loop.run_until_complete(s())
        out.append("sleep(%r) accepted" % (d,))
    except TypeError as e:
        out.append("sleep(%r) %s" % (d, type(e).__name__))
run("bad")

print("-- a handler that cancels the next sibling of the batch and schedules a timer")
victims = {}


def cancelling_handler(lp, ctx):
    out.append("handler for %r: cancels %s" % (ctx["exception"], victims["next"].cancelled()))
    victims["next"].cancel()
    loop.call_at(-100.0, rec, "from handler")
    loop.call_soon(rec, "soon from handler")


loop.set_exception_handler(cancelling_handler)
loop.call_at(-3.0, boom, "first", "ValueError", "x")
victims["next"] = loop.call_at(-2.0, rec, "next (cancelled by the handler)")
loop.call_at(-1.0, rec, "third")
run("handler cancels")
print("next", r(victims["next"]), victims["next"].cancelled())
loop.set_exception_handler(handler)

print("-- still working")
loop.call_later(0.01, rec, "timer ok")
print(loop.run_until_complete(asyncio.sleep(0.05, "sleep ok")))
run("end")
loop.close()
