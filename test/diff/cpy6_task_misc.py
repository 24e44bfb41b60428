# CPython test_tasks.py, the remaining task scenarios, as printed traces:
# test_sleep_cancel (a task sleeping with a result, cancelled after its first step: its sleep
# ends at once, not after the 10 s), test_wait_concurrent_complete (a task finishing in the
# iteration where wait()'s timeout fires is reported done; here with a zero timeout),
# test_cancel_traceback_for_future_result and test_cancel_traceback_for_future_exception (the
# CancelledError of a cancelled inner task, surfacing through `await task` or task.exception(),
# cancels the outer task without a cancel() request; the traceback text itself is not compared),
# test_exception_traceback (a failed task's exception carries its traceback: JS `stack`),
# test_create_task_with_asynclike_function (a hand-made coroutine-like object, twice),
# CTask_Future_Tests' test_foobar (a Future subclass whose get_loop fails is still awaited:
# the task takes the future's own loop), GenericTaskTests' test_future_subclass.
import asyncio
import re


def strip(text):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", text)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


def run_briefly():
    loop.run_until_complete(asyncio.sleep(0))


print("== test_sleep_cancel")
t = loop.create_task(asyncio.sleep(10.0, "yeah"), name="TestTask")
start = loop.time()
run_briefly()
print("after one step", strip(repr(t)))
print("cancel ->", t.cancel())
print("cancelling", t.cancelling(), "done", t.done())
run_briefly()
print("after the next step: done", t.done(), "cancelled", t.cancelled())
print("ended early", loop.time() - start < 1.0)
try:
    t.result()
except asyncio.CancelledError as e:
    print("result() raised CancelledError", e.args)


print("== test_wait_concurrent_complete")


async def concurrent():
    a = asyncio.create_task(asyncio.sleep(0, "a"), name="a")
    b = asyncio.create_task(asyncio.sleep(5, "b"), name="b")
    done, pending = await asyncio.wait([b, a], timeout=0)
    print("done", sorted(f.get_name() for f in done), "pending", sorted(f.get_name() for f in pending))
    print("a", a.result(), "b done", b.done())
    b.cancel()
    done, pending = await asyncio.wait([a, b])
    print("after cancel: done", sorted(f.get_name() for f in done), "pending", len(pending), "b cancelled", b.cancelled())


loop.run_until_complete(concurrent())


async def nested():
    print("nested starts")
    await asyncio.sleep(10)
    print("nested not reached")


for variant in ("result", "exception"):
    print("== test_cancel_traceback_for_future_" + variant)

    async def outer():
        inner = asyncio.create_task(nested(), name="inner")
        await asyncio.sleep(0)
        print("cancel inner ->", inner.cancel())
        if variant == "result":
            try:
                await inner
            finally:
                print("inner cancelled", inner.cancelled(), "outer cancelling", asyncio.current_task().cancelling())
        else:
            done, pending = await asyncio.wait([inner])
            print("wait: done", len(done), "pending", len(pending))
            try:
                inner.exception()
            finally:
                print("inner cancelled", inner.cancelled(), "outer cancelling", asyncio.current_task().cancelling())
        print("outer not reached")

    task = loop.create_task(outer(), name="outer")
    try:
        loop.run_until_complete(task)
    except asyncio.CancelledError as e:
        print("run_until_complete raised CancelledError", e.args)
    print("outer done", task.done(), "cancelled", task.cancelled(), "cancelling", task.cancelling())


print("== test_exception_traceback")


async def foo():
    1 / 0


async def exc_main():
    task = asyncio.create_task(foo())
    await asyncio.sleep(0)
    exc = task.exception()
    print("exception", type(exc).__name__, "has traceback", exc.__traceback__ is not None)


loop.run_until_complete(exc_main())


print("== test_create_task_with_asynclike_function")


class CoroLike:
    def send(self, v):
        raise StopIteration(42)

    def throw(self, *exc):
        pass

    def close(self):
        pass

    def __await__(self):
        return self


for i in range(2):
    print("iscoroutine", asyncio.iscoroutine(CoroLike()))
    t = loop.create_task(CoroLike(), name="TestTask")
    print("is a Task", isinstance(t, asyncio.Task), "result", loop.run_until_complete(t), "done", t.done())


print("== test_foobar")


class Fut(asyncio.Future):
    @property
    def get_loop(self):
        raise AttributeError


async def spam(fut):
    print("awaiting the subclass future")
    v = await fut
    print("got", v)
    return "spam"


fut = Fut(loop=loop)
loop.call_later(0.1, fut.set_result, 1)
t = loop.create_task(spam(fut))
print("result", loop.run_until_complete(t))

print("== test_future_subclass")
print("Task subclasses Future", issubclass(asyncio.Task, asyncio.Future))
t = loop.create_task(asyncio.sleep(0))
print("a task is a Future", isinstance(t, asyncio.Future))
loop.run_until_complete(t)

print("== test_error_in_call_soon")
closed = asyncio.new_event_loop()
closed.close()
c = spam(None)
try:
    closed.create_task(c)
except RuntimeError as e:
    print("create_task raised RuntimeError", repr(str(e)))
c.close()
print("all_tasks", asyncio.all_tasks(closed))

loop.close()
