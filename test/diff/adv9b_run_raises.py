import asyncio

# What run() and run_until_complete() raise when the awaited thing fails, and what is reported
# on the way out: main raising (the very object comes out of run(), after the shutdown reported
# a leftover task that fails when cancelled), main cancelling itself with a message, main
# ending with a TaskGroup's ExceptionGroup, main swallowing its own cancellation; on one loop
# reused: a future failed by a timer, a task whose own failing done callback (added before
# run_until_complete's) is reported before the call raises, an exception handler that cancels
# the task run_until_complete waits for, a stop() from a failing callback, and the loop still
# usable after each (the loop's repr, also as a callback's argument). The handler prints live.

saved = {}


class EventLoop(asyncio.SelectorEventLoop):
    # named as aionode's loop class, whose repr (a callback argument here) shows its class name
    pass


class AppError(ValueError):
    pass


def handler(loop, ctx):
    t = ctx.get("task") or ctx.get("future")
    print("  handler:", ctx["message"].split(" at ")[0] if ctx["message"].startswith("Exception in callback") else ctx["message"],
          sorted(ctx), repr(ctx.get("exception")), t.get_name() if isinstance(t, asyncio.Task) else None)


async def raise_on_cancel(msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  leftover", msg, "cancelled, raising")
        raise AppError(msg)


async def main_raises():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.get_running_loop().create_task(raise_on_cancel("left behind"), name="leftover")
    await asyncio.sleep(0)
    e = AppError("main failed")
    saved["main"] = e
    raise e


async def main_self_cancel():
    asyncio.current_task().cancel("bye")
    await asyncio.sleep(0)
    print("  never here")


async def main_group():
    async with asyncio.TaskGroup() as tg:
        async def boom():
            raise AppError("in group")
        tg.create_task(boom())
        tg.create_task(asyncio.sleep(1))


async def main_swallows():
    me = asyncio.current_task()
    me.cancel("swallowed msg")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  main caught", repr(e), "cancelling", me.cancelling())
    return "main returned after swallowing"


def failing_cb(tag):
    raise AppError("callback " + tag)


def run_case(label, fn):
    print(label)
    try:
        print("  run ->", repr(asyncio.run(fn())))
    except BaseException as e:
        print("  run raised", repr(e), "same object" if e is saved.get("main") else "")


def ruc(loop, label, aw):
    try:
        print(" ", label, "->", repr(loop.run_until_complete(aw)))
    except BaseException as e:
        print(" ", label, "raised", repr(e))


async def work(v, ticks=1):
    for _ in range(ticks):
        await asyncio.sleep(0)
    return v


async def fails(msg):
    await asyncio.sleep(0)
    raise AppError(msg)


def cb_raises(task):
    print("  done callback runs, task exception", repr(task.exception()))
    raise AppError("from done callback")


victim = []


def cancelling_handler(lp, ctx):
    print("  cancelling handler:", ctx["message"].split(" at ")[0], "-> cancel", victim[0].cancel("by handler"))


def stop_and_raise(loop):
    loop.stop()
    raise AppError("stopped then raised")


def main():
    run_case("main raises:", main_raises)
    run_case("main cancels itself:", main_self_cancel)
    run_case("main ends with a group:", main_group)
    run_case("main swallows its cancellation:", main_swallows)

    print("one loop, run_until_complete:")
    loop = EventLoop()
    print("  loop", repr(loop))
    loop.set_exception_handler(handler)
    f = loop.create_future()
    loop.call_later(0.01, f.set_exception, AppError("timer set it"))
    ruc(loop, "future failed by a timer", f)
    ruc(loop, "same future again", f)
    c = loop.create_future()
    loop.call_soon(c.cancel, "cancel msg")
    ruc(loop, "future cancelled with a message", c)
    ruc(loop, "again", c)

    t = loop.create_task(fails("task failed"), name="failing")
    t.add_done_callback(cb_raises)
    ruc(loop, "task with a failing done callback", t)

    loop.set_exception_handler(cancelling_handler)
    victim.append(loop.create_task(work("victim", 5), name="victim"))
    loop.call_soon(failing_cb, "one")
    ruc(loop, "task cancelled by the handler", victim[0])
    loop.set_exception_handler(handler)
    loop.call_soon(stop_and_raise, loop)
    ruc(loop, "stopped by a failing callback", work("never", 3))
    ruc(loop, "loop still works", work("yes", 2))
    loop.close()
    print("closed", loop.is_closed(), repr(loop))


main()
