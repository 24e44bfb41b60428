import asyncio
import gc

# Unretrieved exceptions around composition functions: wait_for(shield(t), 0) times out and the
# shield drops its callback on t, so t's later failure is reported; wait(FIRST_COMPLETED) leaves
# both failures unretrieved; as_completed results awaited; exception() in a done callback;
# ensure_future of a failing coroutine; gather(return_exceptions=True) never awaited (its
# children are retrieved, the outer holds a list); a future holding a CancelledError as its
# exception (finished, not cancelled; reported; awaiting it raises, and a task awaiting it ends
# cancelled); one failing task awaited twice. Reports are sorted.

reports = []
keep = []

def handler(loop, context):
    exc = context.get("exception")
    reports.append((context["message"], type(exc).__name__, str(exc)))

async def fails(msg, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    raise ValueError(msg)

async def ok(v, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    return v

async def main():
    loop = asyncio.get_running_loop()
    # a: wait_for(shield(t)) times out; t fails afterwards
    ta = asyncio.create_task(fails("shield inner", 5))
    try:
        await asyncio.wait_for(asyncio.shield(ta), 0)
    except asyncio.TimeoutError:
        print("a: timeout")
    keep.append(ta)
    # d: wait(FIRST_COMPLETED): the completed failure and a later one are left alone
    d1 = asyncio.create_task(fails("wait first", 1))
    d2 = asyncio.create_task(fails("wait later", 3))
    done, pending = await asyncio.wait([d1, d2], return_when=asyncio.FIRST_COMPLETED)
    print("d: done", len(done), "pending", len(pending))
    keep.extend([d1, d2])
    # e: as_completed: every result awaited
    for f in asyncio.as_completed([fails("ac 1", 2), fails("ac 2", 1)]):
        try:
            await f
        except ValueError as e:
            print("e: as_completed raised", e)
    # j: exception() called in a done callback
    tj = asyncio.create_task(fails("seen in callback"))
    tj.add_done_callback(lambda f: print("j: callback saw", f.exception()))
    keep.append(tj)
    # k: ensure_future of a failing coroutine, never awaited
    keep.append(asyncio.ensure_future(fails("ensure_future")))
    # m: gather(return_exceptions=True) never awaited
    keep.append(asyncio.gather(fails("gather rx 1"), ok(2), return_exceptions=True))
    # n: a future holding a CancelledError as its exception
    fn = loop.create_future()
    fn.set_exception(asyncio.CancelledError("as exception"))
    print("n: done", fn.done(), "cancelled", fn.cancelled())
    keep.append(fn)
    fn2 = loop.create_future()
    fn2.set_exception(asyncio.CancelledError("awaited"))
    try:
        await fn2
    except asyncio.CancelledError as e:
        print("n2: await raised CancelledError", repr(str(e)), "main cancelling", asyncio.current_task().cancelling())
    # o: a task awaiting a future that holds a CancelledError ends cancelled
    fo = loop.create_future()
    async def waits(f):
        return await f
    to = asyncio.create_task(waits(fo))
    await asyncio.sleep(0)
    fo.set_exception(asyncio.CancelledError("from future"))
    await asyncio.sleep(0)
    print("o: task done", to.done(), "cancelled", to.cancelled())
    try:
        to.result()
    except asyncio.CancelledError as e:
        print("o: result raised", repr(str(e)))
    # p: two awaiters of one failing task
    tp = asyncio.create_task(fails("two awaiters", 2))
    async def awaiter(tag):
        try:
            await tp
        except ValueError as e:
            print("p:", tag, "got", e)
    await asyncio.gather(awaiter("x"), awaiter("y"))
    await asyncio.sleep(0.01)
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
