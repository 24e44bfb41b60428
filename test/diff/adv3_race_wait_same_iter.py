import asyncio
import time

# Several timers come due in the same loop iteration: the running step blocks the loop
# (time.sleep) past all their deadlines, so the next iteration fires them all, in deadline order.
# The waits' own timeouts run to 0.2 s or more where they must not expire first (a stall of the
# loaded machine between the wait() call and the next iteration must not reorder the trace).

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

def names(fs):
    return sorted(f.label for f in fs)

def fut(loop, label):
    f = loop.create_future()
    f.label = label
    f.add_done_callback(lambda f: print("  done cb", f.label, state(f)))
    return f

def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return type(f.exception()).__name__
    return "result " + repr(f.result())

def setres(f, v):
    print("  timer sets", f.label)
    f.set_result(v)

def setexc(f, e):
    print("  timer fails", f.label)
    f.set_exception(e)

def cancel(f, msg=None):
    print("  timer cancels", f.label)
    f.cancel(msg)

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    for rw in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        print("--", rw, ": two of three complete in one iteration")
        a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
        now = loop.time()
        loop.call_at(now + 0.005, setres, a, "A")
        loop.call_at(now + 0.010, setexc, b, ValueError("B"))
        loop.call_soon(print, "  soon before wait")
        block(0.03)
        done, pending = await asyncio.wait([a, b, c], timeout=0.3, return_when=rw)
        print("  wait returned done", names(done), "pending", names(pending))
        c.cancel()
        await ticks(1)

    print("-- timeout expires in the same iteration as completions (between them)")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    now = loop.time()
    loop.call_at(now + 0.1, setres, a, "A")
    loop.call_at(now + 0.300, setres, b, "B")
    loop.call_at(now + 0.305, print, "  timer after b")
    task = asyncio.create_task(asyncio.wait([a, b, c], timeout=0.2))
    await ticks(1)
    block(0.35)
    done, pending = await task
    print("  wait returned done", names(done), "pending", names(pending))
    c.cancel()
    await ticks(1)

    print("-- FIRST_EXCEPTION: a cancellation then an exception in one iteration")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    now = loop.time()
    loop.call_at(now + 0.005, cancel, a, "ca")
    loop.call_at(now + 0.010, setexc, b, KeyError("kb"))
    block(0.03)
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    print("  wait returned done", names(done), "pending", names(pending))
    c.set_result(None)
    await ticks(1)

    print("-- FIRST_EXCEPTION: only cancellations, then all done")
    a, b = fut(loop, "a"), fut(loop, "b")
    now = loop.time()
    loop.call_at(now + 0.005, cancel, a)
    loop.call_at(now + 0.010, cancel, b)
    block(0.03)
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_EXCEPTION)
    print("  wait returned done", names(done), "pending", names(pending))

    print("-- already-done inputs plus pending ones, FIRST_COMPLETED, pending completes meanwhile")
    a, b, c = fut(loop, "a"), fut(loop, "b"), fut(loop, "c")
    a.set_result(1)
    loop.call_soon(setres, b, 2)
    await ticks(1)  # a's callback runs
    print("  before wait")
    done, pending = await asyncio.wait([c, a, b], return_when=asyncio.FIRST_COMPLETED)
    print("  wait returned done", names(done), "pending", names(pending))
    c.set_result(3)
    await ticks(1)

    print("-- the waiting task is cancelled in the iteration its waiter is released")
    a, b = fut(loop, "a"), fut(loop, "b")
    waiting = asyncio.create_task(asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, setres, a, "A")
    loop.call_at(now + 0.010, lambda: loop.call_soon(lambda: print("  cancel waiting ->", waiting.cancel("late"))))
    block(0.03)
    await ticks(3)
    print("  waiting:", state(waiting), "cancelling", waiting.cancelling())
    try:
        await waiting
    except asyncio.CancelledError as e:
        print("  waiting raised CancelledError", repr(str(e)))
    b.cancel()
    await ticks(1)

    print("-- the waiting task is cancelled in the iteration before the waiter is released")
    a, b = fut(loop, "a"), fut(loop, "b")
    waiting = asyncio.create_task(asyncio.wait([a, b], timeout=10))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, lambda: print("  cancel waiting ->", waiting.cancel("early")))
    loop.call_at(now + 0.010, setres, a, "A")
    loop.call_at(now + 0.015, setres, b, "B")
    block(0.03)
    await ticks(3)
    print("  waiting:", state(waiting))
    try:
        await waiting
    except asyncio.CancelledError as e:
        print("  waiting raised CancelledError", repr(str(e)))

    print("-- wait with timeout=0 while completions are already scheduled")
    a, b = fut(loop, "a"), fut(loop, "b")
    loop.call_soon(setres, a, "A")
    done, pending = await asyncio.wait([a, b], timeout=0)
    print("  wait returned done", names(done), "pending", names(pending))
    b.cancel()
    await ticks(1)

    print("-- tasks finishing in the same step as the timeout")
    async def child(name, delay, fail=False):
        await asyncio.sleep(delay)
        print("  child", name, "finishes")
        if fail:
            raise ValueError(name)
        return name
    t1 = asyncio.create_task(child("t1", 0.005), name="t1")
    t2 = asyncio.create_task(child("t2", 0.045, True), name="t2")
    t3 = asyncio.create_task(child("t3", 0.5), name="t3")
    for t in (t1, t2, t3):
        t.label = t.get_name()
    await ticks(1)
    block(0.08)
    done, pending = await asyncio.wait([t1, t2, t3], timeout=0.2, return_when=asyncio.FIRST_EXCEPTION)
    print("  wait returned done", names(done), "pending", names(pending))
    t3.cancel()
    await ticks(2)
    print("  t2 exception", repr(t2.exception()), "me cancelling", me.cancelling())

asyncio.run(main())
