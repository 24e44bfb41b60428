import asyncio

# Three loops used one after another, handing work to each other while only one runs: a
# future of A completed by B's callback (its done callbacks wait for A's next run, and a task of
# A waiting on it wakes there); tasks created on A from B's task (their first step waits for A,
# current_task(A) is None meanwhile, all_tasks(A) lists them); callbacks queued on A from B run
# in A's next run behind A's own earlier ones; get_event_loop() inside each loop's callbacks is
# the running loop whatever set_event_loop() said, and set_event_loop() from inside a running
# loop changes only what is seen after it stops; running A (run_forever, run_until_complete)
# from B's callback and B from itself are refused and B goes on; A closed from B's callback
# while idle; C created and run after A closed, and A's leftovers never run.
A = asyncio.new_event_loop()
B = asyncio.new_event_loop()
asyncio.set_event_loop(A)


def log(*args):
    print("  ", *args)


def who(lp):
    return {id(A): "A", id(B): "B"}.get(id(lp), "C" if lp is not None else "None")


def where(tag):
    lp = asyncio.get_event_loop()
    run = asyncio.get_running_loop()
    log(tag, "get_event_loop", who(lp), "running", who(run), "A running", A.is_running(), "B running", B.is_running())


def try_(tag, fn):
    try:
        r = fn()
        log(tag, "->", r)
    except (RuntimeError, ValueError) as e:
        log(tag, "raised", type(e).__name__, str(e))


fa = A.create_future()
fa.add_done_callback(lambda f: log("A: fa done callback", f.result()))


async def a_waiter():
    log("A: waiter waits on fa")
    v = await fa
    log("A: waiter woke with", v)
    where("A: waiter")
    return "waiter " + v


async def a_job(tag):
    log("A: job", tag, "first step; current is", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    log("A: job", tag, "second step")
    return tag


print("-- 1 A runs a while, leaving a waiter on fa")
A.call_soon(where, "A: callback")
w = A.create_task(a_waiter(), name="waiter")
A.call_soon(A.stop)
A.run_forever()
print("waiter", w.done(), "fa", fa.done())

print("-- 2 B completes fa and seeds work on A")
created = []


async def b_main():
    where("B: main")
    fa.set_result("from B")
    log("B: fa done", fa.done(), "A ready work waits")
    A.call_soon(log, "A: callback queued from B")
    t1 = A.create_task(a_job("j1"), name="j1")
    t2 = asyncio.ensure_future(a_job("j2"), loop=A)
    created.extend([t1, t2])
    log("B: current_task(A)", asyncio.current_task(A), "all_tasks(A)", sorted(t.get_name() for t in asyncio.all_tasks(A)))
    log("B: all_tasks() here", sorted(t.get_name() for t in asyncio.all_tasks()))
    asyncio.set_event_loop(B)
    where("B: after set_event_loop(B)")
    try_("B: A.run_forever()", A.run_forever)
    coro = a_job("never")
    try_("B: A.run_until_complete()", lambda: A.run_until_complete(coro))
    coro.close()
    try_("B: B.run_until_complete()", lambda: B.run_until_complete(asyncio.sleep(0)))
    await asyncio.sleep(0)
    log("B: still going after the refusals")
    return "b done"


print("B result", B.run_until_complete(b_main()))
where_out = asyncio.get_event_loop()
print("after B: get_event_loop", who(where_out))
print("fa done", fa.done(), "waiter done", w.done(), [t.done() for t in created])

print("-- 3 A runs again: the queued work, in order")
A.call_soon(log, "A: callback queued between runs")
print("A result", A.run_until_complete(asyncio.gather(w, *created)))
asyncio.set_event_loop(A)

print("-- 4 B closes A while A is idle")
leftover = A.create_task(a_job("leftover"), name="leftover")
A.call_soon(log, "A: never runs")
A.call_later(0.1, log, "A: timer never fires")


def close_a():
    log("B: A closed?", A.is_closed())
    A.close()
    log("B: A closed now", A.is_closed(), "A running", A.is_running())
    try_("B: A.call_soon", lambda: A.call_soon(print))
    try_("B: A.create_task", lambda: A.create_task(a_job("x")))
    try_("B: close B itself", B.close)
    B.stop()


B.call_soon(close_a)
B.run_forever()
print("leftover", leftover.done(), "B closed", B.is_closed())

print("-- 5 C after A closed")
C = asyncio.new_event_loop()
asyncio.set_event_loop(C)


async def c_main():
    where("C: main")
    await asyncio.sleep(0.05)
    log("C: leftover still pending", not leftover.done())
    return "c done"


print("C result", C.run_until_complete(c_main()))
print("get_event_loop", who(asyncio.get_event_loop()))
try_("A.run_forever", A.run_forever)
for lp in (B, C):
    lp.close()
print("closed", A.is_closed(), B.is_closed(), C.is_closed())
