import asyncio

# A coroutine awaits the task that runs it, possibly several awaits deep. asyncio throws
# RuntimeError('Task cannot await on itself: <Task ...>') into it on the task's next step (the
# repr differs by design: print the fixed part). The task then goes on as usual.
log = []


async def nested(depth):
    if depth > 0:
        return await nested(depth - 1)
    me = asyncio.current_task()
    asyncio.get_running_loop().call_soon(log.append, "cb")
    try:
        await me
        print("not reached")
    except RuntimeError as e:
        print("  RuntimeError", repr(str(e).split(":")[0]), "log", log)
    print("  current task is the task", asyncio.current_task() is me)
    await asyncio.sleep(0)
    print("  after sleep(0), current task is the task", asyncio.current_task() is me)
    try:
        await asyncio.sleep(0.5)
        print("  slept: not cancelled")
    except asyncio.CancelledError as e:
        print("  cancelled at its await", repr(str(e)))
        raise
    finally:
        del log[:]


async def noop():
    pass


async def main():
    # each in a fresh task (CPython leaves the task's _asyncio_future_blocking set after a
    # self-await, so a second one in the same task fails differently)
    for depth in range(4):
        print("depth", depth)
        t = asyncio.create_task(nested(depth), name="t%d" % depth)
        for _ in range(3):
            await asyncio.sleep(0)
        print(" cancel ->", t.cancel("stop %d" % depth))
        done, pending = await asyncio.wait({t}, timeout=0.2)
        print(" done in time", t in done, "cancelled", t.cancelled())
        if pending:
            break
        print(" next task name", asyncio.create_task(noop()).get_name())


asyncio.run(main())
