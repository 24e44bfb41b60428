import asyncio
import re

# run_until_complete() with every kind of argument and completion: coroutines that return at
# once, after awaits, or raise; done, failed and cancelled futures; futures completed, failed or
# cancelled by callbacks, timers and other futures' done callbacks; a gather; a coroutine that
# stops the loop (the task stays pending and a later run finishes it); the future's repr while
# the run waits on it (asyncio's _run_until_complete_cb) and after; what else runs in the same
# iterations; a callback that raises in the iteration that completes the future.
loop = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


def log(*args):
    print("  ", *args)


def chain(tag, n):
    log(tag, n)
    if n > 0:
        loop.call_soon(chain, tag, n - 1)


def ruc(label, aw):
    print("--", label)
    try:
        r = loop.run_until_complete(aw)
        print("   ->", repr(r))
    except (Exception, asyncio.CancelledError) as e:
        print("   raised", type(e).__name__, repr(str(e)))


async def immediate(v):
    log("immediate runs")
    return v


async def after_awaits(n):
    for i in range(n):
        log("after_awaits step", i)
        await asyncio.sleep(0)
    return "after %d" % n


async def raises_at_once():
    raise LookupError("at once")


async def raises_later():
    await asyncio.sleep(0)
    raise ValueError("later")


loop.call_soon(chain, "c", 2)
ruc("coroutine returning at once (queued callbacks share its iterations)", immediate(1))
loop.call_soon(chain, "d", 4)
ruc("coroutine with three awaits", after_awaits(3))
loop.call_soon(loop.stop)
loop.run_forever()
ruc("coroutine raising at once", raises_at_once())
ruc("coroutine raising after an await", raises_later())
ruc("sleep(0, result)", asyncio.sleep(0, "slept"))


async def gathers():
    return await asyncio.gather(immediate("g1"), after_awaits(1), asyncio.sleep(0, "g3"))


ruc("a coroutine awaiting a gather", gathers())

f = loop.create_future()
f.set_result("done before")
f.add_done_callback(lambda fut: log("user done callback of f"))
loop.call_soon(log, "queued before the run")
ruc("a done future", f)
g = loop.create_future()
g.set_exception(LookupError("failed before"))
ruc("a failed future", g)
ruc("the same failed future again", g)
c = loop.create_future()
c.cancel("cancelled before")
ruc("a cancelled future", c)

h = loop.create_future()


def peek(fut, tag):
    log(tag, s(fut))


loop.call_soon(peek, h, "while waiting:")
loop.call_soon(h.set_result, "set by a callback")
loop.call_soon(peek, h, "after set_result:")
ruc("a future completed by a callback", h)
print("   after:", s(h))

t = loop.create_future()
loop.call_at(-3.5, t.set_exception, OSError("by a timer"))
loop.call_at(-3.25, log, "later timer, same iteration")
ruc("a future failed by a timer", t)

k = loop.create_future()
loop.call_soon(k.cancel, "by a callback")
ruc("a future cancelled by a callback", k)

src = loop.create_future()
dst = loop.create_future()
src.add_done_callback(lambda fut: dst.set_result(fut.result() * 2))
loop.call_soon(src.set_result, 21)
ruc("a future completed by another future's done callback", dst)


def boom():
    raise ArithmeticError("in the same iteration")


def handler(lp, ctx):
    log("handler:", s(ctx["message"]))


loop.set_exception_handler(handler)
m = loop.create_future()
loop.call_soon(m.set_result, "m")
loop.call_soon(boom)
loop.call_soon(log, "after boom")
ruc("a callback raises in the completing iteration", m)
loop.set_exception_handler(None)


async def stopper():
    log("stopper stops the loop")
    asyncio.get_running_loop().stop()
    await asyncio.sleep(0)
    log("stopper resumed")
    await asyncio.sleep(0)
    return "stopper done"


ruc("a coroutine that stops the loop", stopper())
pending = [x for x in asyncio.all_tasks(loop)]
print("   pending tasks:", len(pending), [s(x) for x in pending])
ruc("its task, again", pending[0])

w = loop.create_task(after_awaits(6), name="w")
loop.call_soon(lambda: loop.call_soon(loop.stop))
print("-- run_forever stopped while w runs")
loop.run_forever()
print("   w:", s(w))
ruc("then w", w)
ruc("w once more (done)", w)
loop.close()
print("closed")
