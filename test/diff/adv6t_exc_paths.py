import asyncio

# One exception object on its way out of a task: the same object comes back from exception(),
# from every await of the task (two awaiters, and an await after it is done), from gather()
# (failing, and with return_exceptions), shield(), wait_for(), as_completed() and wait()'s done
# set; an exception raised again by an awaiter after catching it, and one wrapped in another
# whose __cause__ is the first (raise X from e); wait_for's TimeoutError has as __cause__ the
# very CancelledError the inner task re-raised, and an inner task that turns the cancellation
# into a ValueError makes wait_for raise that ValueError. asyncio.timeout()'s TimeoutError has
# the CancelledError its block saw as __cause__.

box = {}


class Wrapped(Exception):
    pass


async def failer(key, delay=0.01):
    await asyncio.sleep(delay)
    e = ValueError("boom " + key)
    box[key] = e
    raise e


async def converter(key):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        box[key + "-cancel"] = e
        e2 = ValueError("converted " + key)
        box[key] = e2
        raise e2


async def catcher(label, aw, key, mode):
    try:
        await aw
    except ValueError as e:
        print("   ", label, "caught", repr(e), "same object", e is box[key])
        if mode == "reraise":
            raise
        if mode == "wrap":
            raise Wrapped("wrapped " + key) from e
        return e


async def main():
    print("-- two awaiters and exception()")
    t = asyncio.create_task(failer("A"))
    a1 = asyncio.create_task(catcher("a1", t, "A", "reraise"))
    a2 = asyncio.create_task(catcher("a2", t, "A", "wrap"))
    a3 = asyncio.create_task(catcher("a3", t, "A", "return"))
    await asyncio.wait([a1, a2, a3])
    print("  t.exception() is it", t.exception() is box["A"])
    print("  a1 re-raised the same", a1.exception() is box["A"])
    w = a2.exception()
    print("  a2", repr(w), "cause is it", w.__cause__ is box["A"])
    print("  a3 returned it", a3.result() is box["A"])
    await catcher("after done", t, "A", "return")

    print("-- gather, shield, wait_for, as_completed, wait")
    t = asyncio.create_task(failer("B"))
    r = await asyncio.gather(t, return_exceptions=True)
    print("  gather(return_exceptions) item is it", r[0] is box["B"])
    await catcher("gather", asyncio.gather(t), "B", "return")
    t = asyncio.create_task(failer("C"))
    await catcher("shield", asyncio.shield(t), "C", "return")
    await catcher("wait_for", asyncio.wait_for(failer("D"), 1), "D", "return")
    t = asyncio.create_task(failer("E"))
    for aw in asyncio.as_completed([t]):
        await catcher("as_completed", aw, "E", "return")
    t = asyncio.create_task(failer("F"))
    done, _ = await asyncio.wait([t])
    print("  wait: done task's exception is it", next(iter(done)).exception() is box["F"])

    print("-- wait_for timeout: causes")
    t = asyncio.create_task(asyncio.sleep(1))
    box["G"] = None
    try:
        await asyncio.wait_for(t, 0.01)
    except asyncio.TimeoutError as e:
        c = e.__cause__
        print("  TimeoutError cause", type(c).__name__, repr(str(c)), "task cancelled", t.cancelled())
    await catcher("converter", asyncio.wait_for(converter("H"), 0.01), "H", "return")
    print("  the cancellation it saw", repr(box["H-cancel"]))

    print("-- asyncio.timeout()")
    seen = {}
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError as e:
                seen["c"] = e
                raise
    except TimeoutError as e:
        print("  TimeoutError cause is the block's CancelledError", e.__cause__ is seen["c"], repr(str(e)))
    print("  cancelling", asyncio.current_task().cancelling())
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
