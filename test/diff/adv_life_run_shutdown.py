import asyncio

# asyncio.run's shutdown: the tasks still pending when main returns are cancelled and awaited;
# errors they raise go to the exception handler ('unhandled exception during asyncio.run()
# shutdown'); tasks and callbacks created meanwhile get the iterations of the two shutdown runs
# (async generators, default executor), which take the next Task-N names.
log = []


def handler(loop, ctx):
    exc = ctx.get("exception")
    t = ctx.get("task")
    print("  handler:", ctx["message"], "|", type(exc).__name__, str(exc), "|", t.get_name() if t else None,
          "| task done", t.done() if t else None)


def others():
    # the tasks other than the current one, by name (with the coroutine's name)
    me = asyncio.current_task()
    return sorted(t.get_name() + ":" + t.get_coro().__qualname__ for t in asyncio.all_tasks() if t is not me)


async def late():
    print("  late: step 1, others", others())
    for i in range(2, 12):
        await asyncio.sleep(0)
        print("  late: step", i, "others", others())


async def spawner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        loop = asyncio.get_running_loop()
        print("  spawner: cancelled", repr(e), "running", loop.is_running(), "closed", loop.is_closed())
        keep.append(loop.create_task(late(), name="late"))
        loop.call_soon(print, "  call_soon from spawner's cancel")
        await asyncio.sleep(0)
        print("  spawner: resists one step")
        await asyncio.sleep(0)
        print("  spawner: returns")
        return "resisted"


async def fails_on_cancel(tag):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(tag + " raised")
        raise LookupError(tag)


async def quick():
    return "quick"


keep = []


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    keep.append(asyncio.create_task(spawner(), name="spawner"))
    keep.append(asyncio.create_task(fails_on_cancel("fails"), name="fails"))
    keep.append(asyncio.create_task(quick(), name="quick"))
    loop.call_later(5, print, "never: timer dropped at close")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main returns, others", others())
    keep.append(loop)
    return "M"


print("1. run ->", asyncio.run(main()))
print("log", log)
spawner_t, fails_t, quick_t, loop1, late_t = keep
print("spawner", spawner_t.done(), spawner_t.cancelled(), spawner_t.result())
print("fails", fails_t.done(), fails_t.cancelled(), repr(fails_t.exception()))
print("quick", quick_t.result())
print("late done", late_t.done())
print("loop closed", loop1.is_closed(), "running", loop1.is_running())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("no running loop:", e)


# 2. main raises: the leftover tasks are still cancelled, then run() raises main's error
async def main2():
    asyncio.get_running_loop().set_exception_handler(handler)
    keep.append(asyncio.create_task(fails_on_cancel("fails2"), name="fails2"))
    await asyncio.sleep(0)
    raise IndexError("main2 failed")


try:
    asyncio.run(main2())
except IndexError as e:
    print("2. run raised", repr(e), "| fails2 done", keep[-1].done())


# 3. main cancelled with a message: run() raises that CancelledError
async def main3():
    t = asyncio.current_task()
    asyncio.get_running_loop().call_soon(t.cancel, "bye")
    await asyncio.sleep(1)


try:
    asyncio.run(main3())
except asyncio.CancelledError as e:
    print("3. run raised", repr(e))


# 4. main stops the loop: run_until_complete gives up, main is cancelled at shutdown
async def main4():
    asyncio.get_running_loop().stop()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("  main4 cancelled at shutdown", repr(e))
        raise
    return "never"


try:
    asyncio.run(main4())
except RuntimeError as e:
    print("4. run raised", repr(e))


# 5. a task stops the loop while it is cancelled: the shutdown fails, run() raises, the loop is
# closed anyway and no shutdown task runs
async def stops_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  bg: cancelled, stops the loop")
        asyncio.get_running_loop().stop()
        raise


async def main5():
    keep.append(asyncio.create_task(stops_on_cancel(), name="stopper"))
    await asyncio.sleep(0)
    keep.append(asyncio.get_running_loop())
    return "main5 result"


try:
    print(asyncio.run(main5()))
except RuntimeError as e:
    print("5. run raised", repr(e))
print("stopper cancelled", keep[-2].cancelled(), "loop closed", keep[-1].is_closed())


# 6. the default names continue after the shutdown tasks
async def names():
    return asyncio.current_task().get_name()


print("6. name", asyncio.run(names()), "then", asyncio.run(names()))
# (at exit CPython reports the never-finished 'late' task to the handler: README, allTasks)
loop1.set_exception_handler(None)
