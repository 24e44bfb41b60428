import asyncio

# CPython test_runners.RunTests: test_asyncio_run_cancels_hanging_tasks,
# test_asyncio_run_reports_hanging_tasks_errors (the handler's context: message, keys, task,
# exception), test_asyncio_run_closes_gens_after_hanging_tasks_errors (main raising while a
# leftover fails on cancellation; the async generator part is left out: aionode has none),
# test_asyncio_run_without_uncancel (a main cancelled while waiting on an Event: run() raises
# CancelledError; here a callback cancels it instead of a KeyboardInterrupt), and the main
# cancelled by a subtask of test_interrupt_cancelled_task (without the signal).

tasks = {}


def section(name):
    print("==", name)


def handler(loop, ctx):
    t = ctx.get("task")
    print("  handler:", ctx["message"], sorted(ctx), "task is leftover", t is tasks.get("lo"),
          type(ctx["exception"]).__name__, str(ctx["exception"]))


async def leftover():
    await asyncio.sleep(0.5)
    print("  leftover never finishes its sleep")


async def main_leaves_task():
    tasks["lo"] = asyncio.create_task(leftover())
    print("  main returns, leftover done", tasks["lo"].done())
    return 123


async def leftover_fails_on_cancel():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("  leftover cancelled, dividing by zero")
        1 / 0


async def main_leaves_failing_task():
    asyncio.get_running_loop().set_exception_handler(handler)
    tasks["lo"] = asyncio.create_task(leftover_fails_on_cancel())
    return 123


class FancyExit(Exception):
    pass


async def main_raises_fancy():
    asyncio.get_running_loop().set_exception_handler(handler)
    tasks["lo"] = asyncio.create_task(leftover_fails_on_cancel())
    await asyncio.sleep(0)
    raise FancyExit("fancy")


async def main_waits_event():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_soon(me.cancel)
    try:
        await asyncio.Event().wait()
    finally:
        print("  main finally, cancelling", me.cancelling())


async def subtask(task):
    await asyncio.sleep(0)
    print("  subtask cancels main:", task.cancel())


async def main_cancelled_by_subtask():
    asyncio.create_task(subtask(asyncio.current_task()))
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  main sees", type(e).__name__, repr(str(e)))
        raise


def run(main):
    try:
        print("  run ->", repr(asyncio.run(main())))
    except (Exception, asyncio.CancelledError) as e:
        print("  run raised", type(e).__name__, repr(str(e)))


def main():
    section("test_asyncio_run_cancels_hanging_tasks")
    run(main_leaves_task)
    lo = tasks["lo"]
    print("  leftover done", lo.done(), "cancelled", lo.cancelled())

    section("test_asyncio_run_reports_hanging_tasks_errors")
    run(main_leaves_failing_task)
    lo = tasks["lo"]
    print("  leftover done", lo.done(), "cancelled", lo.cancelled(), type(lo.exception()).__name__)

    section("test_asyncio_run_closes_gens_after_hanging_tasks_errors")
    run(main_raises_fancy)
    lo = tasks["lo"]
    print("  leftover done", lo.done(), "cancelled", lo.cancelled())

    section("test_asyncio_run_without_uncancel")
    run(main_waits_event)

    section("test_interrupt_cancelled_task")
    run(main_cancelled_by_subtask)


main()
