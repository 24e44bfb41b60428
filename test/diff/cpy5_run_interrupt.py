import asyncio

# CPython test_runners.RunnerTests: test_interrupt_call_soon (a main busy in sleep(0) steps),
# test_interrupt_wait (a main waiting on a future: both are cancelled) and the main of
# test_interrupt_cancelled_task, under asyncio.run, with the KeyboardInterrupt replaced by a
# timer that cancels the main task (aionode has no SIGINT handling in run()): the main catches the
# cancellation, raises a fresh CancelledError, and run() raises it; a task left over is
# cancelled at shutdown after that.

state = {}


def section(name):
    print("==", name)


def interrupt(task, tag):
    print("  timer cancels main:", task.cancel(), "(" + tag + ")")


async def busy():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    loop.call_at(loop.time() + 0.15, interrupt, me, "busy")
    steps = 0
    try:
        while True:
            await asyncio.sleep(0)
            steps += 1
    except asyncio.CancelledError as e:
        print("  main caught", type(e).__name__, repr(str(e)), "cancelling", me.cancelling(), "stepped", steps > 0)
    raise asyncio.CancelledError()


async def waits_future():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    fut = state["fut"] = loop.create_future()
    loop.call_at(loop.time() + 0.15, interrupt, me, "waiting")
    try:
        await fut
    except asyncio.CancelledError as e:
        print("  main caught", type(e).__name__, "future cancelled", fut.cancelled(), "done", fut.done())
    raise asyncio.CancelledError()


async def lingering():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("  leftover cancelled at shutdown")
        raise


async def with_leftover():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    state["lo"] = asyncio.create_task(lingering())
    loop.call_at(loop.time() + 0.15, interrupt, me, "with a leftover")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("  main caught, leftover done", state["lo"].done())
        raise


def run(main):
    try:
        print("  run ->", repr(asyncio.run(main())))
    except (Exception, asyncio.CancelledError) as e:
        print("  run raised", type(e).__name__, repr(str(e)))


def main():
    section("test_interrupt_call_soon")
    run(busy)

    section("test_interrupt_wait")
    run(waits_future)
    print("  after run: future cancelled", state["fut"].cancelled())

    section("test_interrupt_cancelled_task (with a leftover task)")
    run(with_leftover)
    print("  after run: leftover cancelled", state["lo"].cancelled())


main()
