# CPython test_waitfor.py scenarios: test_wait_for_timeout_less_then_0_or_0_future_done,
# test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started,
# test_wait_for_timeout_less_then_0_or_0, test_wait_for, test_wait_for_blocking,
# test_wait_for_race_condition, test_wait_for_cancellation_race_condition.
# wait_for() with a zero or negative timeout (a done future is returned, a coroutine never
# starts, a running task is cancelled and awaited), a timeout that cancels a sleeping task, no
# timeout, a future completed before the timeout, and an inner coroutine that swallows the
# timeout's cancellation and returns a value (wait_for returns it).
import asyncio

async def future_done():
    print("== test_wait_for_timeout_less_then_0_or_0_future_done")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("done")
    ret = await asyncio.wait_for(fut, 0)
    print("  ret", repr(ret), "fut done", fut.done())

async def coroutine_not_started():
    print("== test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started")
    foo_started = False
    async def foo():
        nonlocal foo_started
        foo_started = True
    try:
        await asyncio.wait_for(foo(), 0)
    except asyncio.TimeoutError as e:
        print("  TimeoutError", repr(str(e)), "cause", type(e.__cause__).__name__)
    print("  foo_started", foo_started)

async def less_than_0_or_0():
    print("== test_wait_for_timeout_less_then_0_or_0")
    loop = asyncio.get_running_loop()
    for timeout in [0, -1]:
        print("  timeout", timeout)
        foo_running = None
        started = loop.create_future()
        async def foo():
            nonlocal foo_running
            foo_running = True
            started.set_result(None)
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("    foo cancelled")
                raise
            finally:
                foo_running = False
            return "done"
        fut = asyncio.create_task(foo())
        await started
        try:
            await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            print("    TimeoutError")
        print("    done", fut.done(), "cancelled", fut.cancelled(), "foo_running", foo_running)

async def wait_for():
    print("== test_wait_for")
    loop = asyncio.get_running_loop()
    foo_running = None
    async def foo():
        nonlocal foo_running
        foo_running = True
        try:
            await asyncio.sleep(300)
        finally:
            foo_running = False
        return "done"
    fut = asyncio.create_task(foo())
    try:
        await asyncio.wait_for(fut, 0.1)
    except asyncio.TimeoutError:
        print("  TimeoutError")
    print("  done", fut.done(), "cancelled", fut.cancelled(), "foo_running", foo_running)

async def blocking():
    print("== test_wait_for_blocking")
    async def coro():
        return "done"
    res = await asyncio.wait_for(coro(), timeout=None)
    print("  res", repr(res))

async def race_condition():
    print("== test_wait_for_race_condition")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.wait_for(fut, timeout=0.2)
    loop.call_later(0.1, fut.set_result, "ok")
    res = await task
    print("  res", repr(res))

async def cancellation_race_condition():
    print("== test_wait_for_cancellation_race_condition")
    async def inner():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  inner swallows CancelledError")
        else:
            print("  inner not cancelled")
        return 1
    result = await asyncio.wait_for(inner(), timeout=.1)
    print("  result", result, "cancelling", asyncio.current_task().cancelling())

async def main():
    for f in (future_done, coroutine_not_started, less_than_0_or_0, wait_for, blocking,
              race_condition, cancellation_race_condition):
        await asyncio.create_task(f())

asyncio.run(main())
