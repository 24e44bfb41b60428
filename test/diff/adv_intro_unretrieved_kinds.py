import asyncio
import gc

# Which unretrieved exceptions get reported ("... exception was never retrieved"), with the
# exception handler's context: a shield() outer nobody awaits, a failed task returned by wait()
# and never looked at, one retrieved by result() in a done callback, a failed future then
# cancel()ed (False, and counts as retrieved), children of gather(return_exceptions=True), a task
# that raises another exception when cancelled, a later failure inside an awaited gather (the
# gather's callback retrieves it), a future with a done callback that ignores it. Python reports
# when the objects are collected (gc.collect() below), aionode at the latest when the loop closes
# (the objects are kept alive until then, so context.future is there); reports are sorted.

reports = []
keep = []

def handler(loop, context):
    exc = context.get("exception")
    fut = context.get("future")
    reports.append((context["message"], type(exc).__name__, str(exc), type(fut).__name__,
                    fut.get_name() if isinstance(fut, asyncio.Task) else None))

async def fails(msg, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    raise ValueError(msg)

async def holdout(msg):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError(msg)

def peek_result(f):
    try:
        f.result()
    except ValueError:
        pass

async def main():
    loop = asyncio.get_running_loop()
    # 2: shield outer never awaited
    keep.append(asyncio.shield(asyncio.create_task(fails("shielded"))))
    # 3: wait() returns the failed task in done, never looked at
    done, pending = await asyncio.wait([asyncio.create_task(fails("waited"))])
    keep.extend(done)
    # 4: retrieved in a done callback through result()
    t4 = asyncio.create_task(fails("cb result"))
    t4.add_done_callback(peek_result)
    keep.append(t4)
    # 5: future set_exception then cancel()
    f5 = loop.create_future()
    f5.set_exception(ValueError("cancelled after"))
    print("f5 cancel ->", f5.cancel())
    keep.append(f5)
    # 6: gather with return_exceptions retrieves children
    r = await asyncio.gather(fails("gather rx"), return_exceptions=True)
    print("gather rx ->", [type(x).__name__ for x in r])
    # 7: cancelled task raising another exception
    t7 = asyncio.create_task(holdout("holdout"), name="holdout-task")
    await asyncio.sleep(0)
    print("t7 cancel ->", t7.cancel())
    keep.append(t7)
    # 8: gather outer awaited, second child fails later (retrieved by gather's callback)
    try:
        await asyncio.gather(fails("first", 1), fails("second", 3))
    except ValueError as e:
        print("gather raised", e)
    # 9: a done callback added after failure that does nothing
    f9 = loop.create_future()
    f9.set_exception(ValueError("with callback"))
    f9.add_done_callback(lambda f: None)
    keep.append(f9)
    # 10: wait_for on a failing task with timeout: error propagates
    try:
        await asyncio.wait_for(fails("wait_for"), 1)
    except ValueError as e:
        print("wait_for raised", e)
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
