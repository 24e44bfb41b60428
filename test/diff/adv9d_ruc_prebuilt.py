import asyncio
import re

# run_until_complete() of things made on the loop before it ran: tasks created while idle (their
# first steps run in creation order, behind the callbacks queued before them, and the ones not
# awaited go on in the same iterations and stay pending when the run ends); a task cancelled
# before its first step (its body never runs, not even a try/except around the first await; the
# message, cancelling() counts, a second cancel() and uncancel() before the run); a future done
# before the run, with done callbacks added before and after it completed (all run in the single
# iteration); failed and cancelled futures; a task finished in an earlier run; a gather and a
# shield of prebuilt tasks, one cancelled before it started; a coroutine object made long before
# (its task is named when the run starts); a prebuilt task cancelled by the run's main task
# before its first step, and after.
loop = asyncio.new_event_loop()


def s(x):
    t = x if isinstance(x, str) else repr(x)
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", t)


def log(*args):
    print("  ", *args)


def ruc(label, aw):
    print("run_until_complete", label)
    try:
        r = loop.run_until_complete(aw)
        if label != "gather":
            print("   ->", repr(r))
    except (Exception, asyncio.CancelledError) as e:
        print("   raised", type(e).__name__, repr(str(e)))


async def body(tag, n):
    log(tag, "starts")
    try:
        for i in range(n):
            await asyncio.sleep(0)
            log(tag, "step", i + 1)
    except asyncio.CancelledError as e:
        log(tag, "caught CancelledError", repr(str(e)))
        raise
    return tag


print("-- 1 tasks made while idle")
loop.call_soon(log, "callback before t1")
t1 = loop.create_task(body("t1", 3), name="t1")
loop.call_soon(log, "callback between")
t2 = loop.create_task(body("t2", 1), name="t2")
loop.call_soon(log, "callback after t2")
ruc("t2", t2)
print("t1 done", t1.done(), s(t1))

print("-- 2 a task cancelled before its first step")
t3 = loop.create_task(body("t3", 1), name="t3")
print("cancel ->", t3.cancel("before start"), "cancelling", t3.cancelling())
print("again ->", t3.cancel("second word"), "cancelling", t3.cancelling())
print("uncancel ->", t3.uncancel(), "cancelling", t3.cancelling())
print(s(t3))
ruc("t3", t3)
print("t3 cancelled", t3.cancelled(), "t1 done", t1.done())
ruc("t1", t1)

print("-- 3 a future done before the run")
f = loop.create_future()
f.add_done_callback(lambda fut: log("done callback added before, sees", fut.result()))
f.set_result("f value")
loop.call_soon(log, "callback queued after set_result")
f.add_done_callback(lambda fut: log("done callback added after"))
print(s(f))
ruc("f", f)
ruc("f again", f)

print("-- 4 failed and cancelled futures")
g = loop.create_future()
g.set_exception(KeyError("gone"))
ruc("g", g)
h = loop.create_future()
h.cancel("h cancelled early")
loop.call_soon(log, "callback beside the cancelled future")
ruc("h", h)

print("-- 5 a task finished in an earlier run")
loop.call_soon(log, "callback queued between runs")
ruc("t2 again", t2)
ruc("t3 again", t3)

print("-- 6 gather and shield of prebuilt tasks")
a = loop.create_task(body("a", 1), name="a")
b = loop.create_task(body("b", 2), name="b")
c = loop.create_task(body("c", 1), name="c")
b.cancel("b before start")
sh = asyncio.shield(c)
print("ensure_future(a) is a", asyncio.ensure_future(a) is a, "shield is c", sh is c)
gat = asyncio.gather(a, b, sh, return_exceptions=True)
ruc("gather", gat)
print("gather results", [type(r).__name__ + ":" + str(r) if isinstance(r, BaseException) else r for r in gat.result()])
print("sh", s(sh))

print("-- 7 a coroutine object made long before")
coro = body("late", 1)
x = loop.create_task(body("x", 0))
print("x named", x.get_name())
ruc("coro", coro)
print("x", s(x))


async def canceller(victims):
    log("main starts; victims", [v.get_name() + ":" + ("done" if v.done() else "pending") for v in victims])
    for v in victims:
        log("cancel", v.get_name(), "->", v.cancel("by main"))
    res = await asyncio.gather(*victims, return_exceptions=True)
    return [type(r).__name__ + ":" + str(r) if isinstance(r, BaseException) else r for r in res]


print("-- 8 the run's main cancels prebuilt tasks")
early = loop.create_task(body("early", 2), name="early")
m = canceller([early])
late = loop.create_task(body("late2", 2), name="late2")
main = loop.create_task(m, name="main")
loop.call_soon(lambda: log("callback cancels late2 ->", late.cancel("by callback")))
ruc("main", main)
print("early", s(early))
print("late2", s(late))
loop.close()
