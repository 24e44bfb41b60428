import asyncio
import gc

# Which exceptions composition leaves unretrieved (reported as "... exception was never
# retrieved") and which it retrieves: gather(return_exceptions=False) never awaited (the outer
# _GatheringFuture is reported, its children are not), a gather outer cancelled whose child
# turns the cancellation into an error (outer and child), gather whose later children fail
# after the first error; shield whose inner fails after the outer was cancelled (3.11 marks it
# retrieved); wait_for cancelled from outside while its inner turns the cancellation into an
# error; wait_for timing out on such an inner (the error propagates); as_completed abandoned
# after the first result; wait(FIRST_EXCEPTION) leaving a later failure. Python reports when the
# objects are collected, aionode at the latest when the loop closes; reports are sorted.

reports = []
keep = []


def handler(loop, context):
    exc = context.get("exception")
    fut = context.get("future")
    reports.append((context["message"], sorted(context), type(exc).__name__, str(exc), type(fut).__name__,
                    fut.get_name() if isinstance(fut, asyncio.Task) else None))


async def fails(msg, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def holdout(msg, delay=1):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        await asyncio.sleep(0)
        raise ValueError(msg)
    return "not cancelled"


async def settle(n=12):
    # a few loop iterations, independent of the machine's speed
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    lp = asyncio.get_running_loop()
    # a: gather never awaited, one child fails
    keep.append(asyncio.gather(lp.create_task(fails("gather a", 1), name="a1"),
                               lp.create_task(asyncio.sleep(0, "ok"), name="a2")))
    await settle()
    print("a: done")
    # b: gather outer cancelled, a child turns the cancellation into an error
    b1 = lp.create_task(holdout("gather b holdout"), name="b1")
    b2 = lp.create_task(asyncio.sleep(1), name="b2")
    gb = asyncio.gather(b1, b2)
    await asyncio.sleep(0)
    print("b: cancel ->", gb.cancel())
    await settle()
    print("b: outer done", gb.done(), "cancelled", gb.cancelled(), "b2 cancelled", b2.cancelled())
    keep.append(gb)
    # c: awaited gather, later children fail after the first error
    try:
        await asyncio.gather(fails("c first", 1), fails("c second", 2), fails("c third", 3))
    except ValueError as e:
        print("c: raised", e)
    await settle()
    # d: shield, the awaiting task is cancelled, the inner fails afterwards
    d_inner = lp.create_task(fails("shield d", 3), name="d-inner")
    async def shielded():
        return await asyncio.shield(d_inner)
    dt = lp.create_task(shielded(), name="d-outer")
    await asyncio.sleep(0)
    print("d: cancel ->", dt.cancel())
    await settle()
    print("d: outer cancelled", dt.cancelled(), "inner done", d_inner.done())
    keep.extend([d_inner, dt])
    # e: wait_for cancelled from outside; its inner raises when cancelled
    e_inner = lp.create_task(holdout("wait_for e"), name="e-inner")
    async def waits_for():
        return await asyncio.wait_for(e_inner, 10)
    et = lp.create_task(waits_for(), name="e-outer")
    await asyncio.sleep(0)
    print("e: cancel ->", et.cancel())
    await settle()
    print("e: outer cancelled", et.cancelled(), "inner done", e_inner.done())
    keep.extend([e_inner, et])
    # f: wait_for times out; the inner raises when cancelled: the error propagates
    try:
        await asyncio.wait_for(holdout("wait_for f"), 0.001)
    except ValueError as e:
        print("f: raised", e)
    # g: as_completed abandoned after the first result
    g1 = lp.create_task(fails("ac g1", 1), name="g1")
    g2 = lp.create_task(fails("ac g2", 2), name="g2")
    for f in asyncio.as_completed([g1, g2]):
        try:
            await f
        except ValueError as e:
            print("g: first", e)
        break
    await settle()
    keep.extend([g1, g2])
    # h: wait(FIRST_EXCEPTION): the completed failure is looked at, the pending one is not
    h1 = lp.create_task(fails("wait h1", 1), name="h1")
    h2 = lp.create_task(fails("wait h2", 3), name="h2")
    done, pending = await asyncio.wait([h1, h2], return_when=asyncio.FIRST_EXCEPTION)
    print("h: done", [t.get_name() for t in done], "pending", [t.get_name() for t in pending])
    print("h: h1 exception", repr(h1.exception()))
    await settle()
    keep.extend([h1, h2])
    print("main done")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.set_exception_handler(handler)
loop.run_until_complete(main())
del keep[:]
gc.collect()
loop.close()
asyncio.set_event_loop(None)
print("reports:")
for r in sorted(reports, key=repr):
    print(" ", r)
