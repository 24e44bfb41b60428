# CPython test_waitfor.py scenarios: test_asyncio_wait_for_cancelled,
# test_asyncio_wait_for_timeout, test_wait_for_waits_for_task_cancellation,
# test_wait_for_waits_for_task_cancellation_w_timeout_0,
# test_wait_for_reraises_exception_during_cancellation, test_wait_for_self_cancellation,
# test_cancel_blocking_wait_for, test_cancel_wait_for.
# A task that ignores cancellation until its own deadline (wait_for waits for it, whether the
# wait_for was cancelled or timed out: then it returns the task's result), a task that sleeps
# again before re-raising the cancellation (the TimeoutError comes after, with the CancelledError
# as its cause), an error raised while being cancelled replaces the TimeoutError, wait_for itself
# cancelled while the task holds up the timeout's cancellation, and cancelling wait_for cancels
# the awaited task (with and without a timeout).
import asyncio

EPSILON = 0.0001

def make_slow_task(loop, duration, log):
    state = {"exited": False}
    async def run():
        exitat = loop.time() + duration
        while True:
            tosleep = exitat - loop.time()
            if tosleep <= 0:
                break
            try:
                await asyncio.sleep(tosleep)
            except asyncio.CancelledError:
                log("slow task ignores a cancellation")
        state["exited"] = True
    return state, run

async def wait_for_cancelled():
    print("== test_asyncio_wait_for_cancelled")
    loop = asyncio.get_running_loop()
    log = lambda m: print("  ", m)
    state, run = make_slow_task(loop, 0.2, log)
    waitfortask = asyncio.create_task(asyncio.wait_for(run(), 0.4))
    await asyncio.sleep(0)
    print("  cancel ->", waitfortask.cancel())
    done, pending = await asyncio.wait({waitfortask})
    log("wait returned")
    print("  exited", state["exited"], "cancelled", waitfortask.cancelled(), len(done), len(pending))

async def wait_for_timeout():
    print("== test_asyncio_wait_for_timeout")
    loop = asyncio.get_running_loop()
    log = lambda m: print("  ", m)
    state, run = make_slow_task(loop, 0.2, log)
    try:
        r = await asyncio.wait_for(run(), 0.1)
        log("wait_for returned %r" % (r,))
    except asyncio.TimeoutError:
        log("TimeoutError")
    print("  exited", state["exited"])

async def waits_for_task_cancellation(name, timeout):
    print("==", name)
    task_done = False
    async def inner():
        nonlocal task_done
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  inner cancelled; sleeps before re-raising")
            await asyncio.sleep(EPSILON)
            raise
        finally:
            task_done = True
    inner_task = asyncio.create_task(inner())
    if timeout == 0:
        await asyncio.sleep(EPSILON)
    try:
        await asyncio.wait_for(inner_task, timeout=timeout)
    except asyncio.TimeoutError as e:
        print("  TimeoutError; cause", type(e.__cause__).__name__)
    print("  task_done", task_done, "inner cancelled", inner_task.cancelled())

async def reraises_during_cancellation():
    print("== test_wait_for_reraises_exception_during_cancellation")
    class FooException(Exception):
        pass
    async def foo():
        async def inner():
            try:
                await asyncio.sleep(0.2)
            finally:
                print("  inner cleanup raises FooException")
                raise FooException("foo")
        inner_task = asyncio.create_task(inner())
        await asyncio.wait_for(inner_task, timeout=EPSILON)
    try:
        await foo()
    except FooException as e:
        print("  caught", type(e).__name__, repr(str(e)))

async def self_cancellation():
    print("== test_wait_for_self_cancellation")
    loop = asyncio.get_running_loop()
    log = lambda *m: print("  ", *m)
    async def inner():
        try:
            await asyncio.sleep(0.3)
        except asyncio.CancelledError:
            log("inner: first cancellation")
            try:
                await asyncio.sleep(0.3)
            except asyncio.CancelledError:
                log("inner: second cancellation")
                await asyncio.sleep(0.3)
        log("inner returns")
        return 42
    inner_task = asyncio.create_task(inner())
    wait = asyncio.wait_for(inner_task, timeout=0.1)
    task = asyncio.create_task(wait)
    await asyncio.sleep(0.2)
    log("cancel the wait_for task ->", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        log("wait_for task CancelledError")
    print("  inner_task done", inner_task.done())
    print("  await inner_task", await inner_task)
    log("end")

async def cancel_wait_for(name, timeout):
    print("==", name)
    loop = asyncio.get_running_loop()
    async def blocking_coroutine():
        fut = loop.create_future()
        try:
            await fut
        except asyncio.CancelledError:
            print("  blocking coroutine cancelled; fut cancelled", fut.cancelled())
            raise
    task = asyncio.create_task(blocking_coroutine())
    wait = asyncio.create_task(asyncio.wait_for(task, timeout))
    loop.call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError:
        print("  wait CancelledError")
    print("  task cancelled", task.cancelled(), "wait cancelled", wait.cancelled())

async def main():
    await asyncio.create_task(wait_for_cancelled())
    await asyncio.create_task(wait_for_timeout())
    await asyncio.create_task(waits_for_task_cancellation("test_wait_for_waits_for_task_cancellation", EPSILON))
    await asyncio.create_task(waits_for_task_cancellation("test_wait_for_waits_for_task_cancellation_w_timeout_0", 0))
    await asyncio.create_task(reraises_during_cancellation())
    await asyncio.create_task(self_cancellation())
    await asyncio.create_task(cancel_wait_for("test_cancel_blocking_wait_for", None))
    await asyncio.create_task(cancel_wait_for("test_cancel_wait_for", 60.0))

asyncio.run(main())
