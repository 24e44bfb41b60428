# CPython test_tasks.py (BaseTaskTests), creating and running tasks, as printed traces:
# test_task_class, test_ensure_future_coroutine, test_ensure_future_future,
# test_ensure_future_task, test_ensure_future_awaitable, test_ensure_future_neither,
# test_ensure_future_error_msg, test_other_loop_future, test_task_awaits_on_itself,
# test_task_basics, test_task_set_methods, test_step_result_future,
# test_subclasses_ctask_cfuture (a Future subclass counting its add_done_callback calls),
# test_coroutine_non_gen_function, test_coroutine_non_gen_function_return_future,
# test_create_task_with_noncoroutine, test_create_task_with_async_function,
# test_bare_create_task, test_bare_create_named_task, test_get_coro, test_iscoroutinefunction
# (coroutine functions and plain functions), SetMethodsTest's
# test_set_result_causes_invalid_state and test_set_exception_causes_invalid_state.
import asyncio
import re


def strip(text):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", text)


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(re.sub(r"Task-\d+", "Task-N", strip(str(e)))))


async def notmuch():
    return "ok"


loop = asyncio.new_event_loop()

print("== test_task_class")
t = loop.create_task(notmuch())
loop.run_until_complete(t)
print("done", t.done(), "result", t.result(), "loop", t.get_loop() is loop)
other = asyncio.new_event_loop()
t = other.create_task(notmuch())
print("other loop", t.get_loop() is other)
other.run_until_complete(t)
other.close()

print("== test_ensure_future_coroutine")
t = asyncio.ensure_future(notmuch(), loop=loop)
print("bound to the given loop", t.get_loop() is loop)
loop.run_until_complete(t)
print("done", t.done(), "result", t.result())


async def inside():
    return [asyncio.ensure_future(notmuch())]


t = loop.run_until_complete(inside())[0]
print("bound to the running loop", t.get_loop() is loop)
loop.run_until_complete(t)
print("done", t.done(), "result", t.result())
asyncio.set_event_loop(loop)
t = asyncio.ensure_future(notmuch())
print("bound to the set loop", t.get_loop() is loop)
loop.run_until_complete(t)
print("done", t.done(), "result", t.result())
asyncio.set_event_loop(None)

print("== test_ensure_future_future")
f_orig = loop.create_future()
f_orig.set_result("ko")
f = asyncio.ensure_future(f_orig)
loop.run_until_complete(f)
print("same future", f is f_orig, "done", f.done(), "result", f.result())
other = asyncio.new_event_loop()
try:
    asyncio.ensure_future(f_orig, loop=other)
except (ValueError, RuntimeError) as e:
    print("other loop refused:", str(e))
other.close()
print("own loop gives it back", asyncio.ensure_future(f_orig, loop=loop) is f_orig)

print("== test_ensure_future_task")
t_orig = loop.create_task(notmuch())
t = asyncio.ensure_future(t_orig)
loop.run_until_complete(t)
print("same task", t is t_orig, "done", t.done(), "result", t.result())
other = asyncio.new_event_loop()
try:
    asyncio.ensure_future(t_orig, loop=other)
except (ValueError, RuntimeError) as e:
    print("other loop refused:", str(e))
other.close()
print("own loop gives it back", asyncio.ensure_future(t_orig, loop=loop) is t_orig)

print("== test_ensure_future_awaitable")


class Aw:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


fut = asyncio.ensure_future(Aw(notmuch()), loop=loop)
print("future", asyncio.isfuture(fut), "done", fut.done())
loop.run_until_complete(fut)
print("result", fut.result())

print("== test_ensure_future_neither")
try:
    asyncio.ensure_future("ok")
except TypeError:
    print("TypeError")

print("== test_ensure_future_error_msg")
other = asyncio.new_event_loop()
f = loop.create_future()
try:
    asyncio.ensure_future(f, loop=other)
except (ValueError, RuntimeError) as e:
    print(str(e))
other.close()
f.cancel()

print("== test_other_loop_future")
other = asyncio.new_event_loop()
fut = other.create_future()


async def run(fut):
    await fut


attempt("run_until_complete(run(fut))", lambda: loop.run_until_complete(run(fut)))
other.close()

print("== test_task_awaits_on_itself")


async def self_await():
    await task


task = asyncio.ensure_future(self_await(), loop=loop)
attempt("run_until_complete(task)", lambda: loop.run_until_complete(task))

print("== test_task_basics")


async def outer():
    a = await inner1()
    b = await inner2()
    return a + b


async def inner1():
    return 42


async def inner2():
    return 1000


print(loop.run_until_complete(outer()))

print("== test_task_set_methods")


async def notmuch2():
    return "ko"


task = loop.create_task(notmuch2())
attempt("set_result('ok')", lambda: task.set_result("ok"))
attempt("set_exception(ValueError())", lambda: task.set_exception(ValueError()))
print(loop.run_until_complete(task))

print("== test_step_result_future")


class Fut(asyncio.Future):
    def __init__(self, *args, **kwds):
        self.cb_added = False
        super().__init__(*args, **kwds)

    def add_done_callback(self, *args, **kwargs):
        self.cb_added = True
        super().add_done_callback(*args, **kwargs)


fut = Fut(loop=loop)
result = None


async def wait_for_future():
    global result
    result = await fut


t = loop.create_task(wait_for_future())
loop.run_until_complete(asyncio.sleep(0))
print("cb_added", fut.cb_added, strip(repr(fut)))
res = ["res"]
fut.set_result(res)
loop.run_until_complete(asyncio.sleep(0))
print("result is res", result is res, "done", t.done(), "task result", t.result())

print("== test_subclasses_ctask_cfuture (the future's part)")


class CountingFuture(asyncio.Future):
    def __init__(self, *args, **kwargs):
        self.calls = 0
        super().__init__(*args, **kwargs)

    def add_done_callback(self, *args, **kwargs):
        self.calls += 1
        return super().add_done_callback(*args, **kwargs)


fut = CountingFuture(loop=loop)


async def spam():
    loop.call_soon(lambda: fut.set_result("spam"))
    return await fut


print(loop.run_until_complete(spam()), "add_done_callback calls", fut.calls)

print("== test_coroutine_non_gen_function")


async def func():
    return "test"


print("iscoroutinefunction", asyncio.iscoroutinefunction(func))
coro = func()
print("iscoroutine", asyncio.iscoroutine(coro))
print(loop.run_until_complete(coro))

print("== test_coroutine_non_gen_function_return_future")
fut = loop.create_future()


async def returns_fut():
    return fut


async def sets_fut():
    fut.set_result("test")


t1 = loop.create_task(returns_fut())
t2 = loop.create_task(sets_fut())
res = loop.run_until_complete(t1)
print("result is fut", res is fut, repr(res), "t2", t2.result())

print("== test_create_task_with_noncoroutine")
for i in range(2):
    try:
        loop.create_task(123)
    except TypeError as e:
        print("TypeError", str(e).startswith("a coroutine was expected, got"))

print("== test_create_task_with_async_function")


async def nothing():
    pass


for i in range(2):
    task = loop.create_task(nothing())
    print("a task", isinstance(task, asyncio.Task), loop.run_until_complete(task))

print("== test_bare_create_task")


async def one():
    return 1


async def bare():
    task = asyncio.create_task(one())
    print("a task", isinstance(task, asyncio.Task))
    print("awaited", await task)


loop.run_until_complete(bare())

print("== test_bare_create_named_task")


async def named():
    task = asyncio.create_task(nothing(), name="No-op")
    print("name", task.get_name())
    await task
    print(repr(task).replace(" defined", "").split(" coro=")[0])


loop.run_until_complete(named())

print("== test_get_coro")
coro = nothing()
task = loop.create_task(coro)
loop.run_until_complete(task)
print("get_coro() is coro", task.get_coro() is coro)

print("== test_iscoroutinefunction")


def fn():
    pass


print("plain", asyncio.iscoroutinefunction(fn), "async", asyncio.iscoroutinefunction(nothing))

reports = []
loop.set_exception_handler(lambda lp, ctx: reports.append(ctx))


async def foo():
    await asyncio.sleep(0.1)
    return 10


def show_reports():
    for ctx in reports:
        e = ctx["exception"]
        print("reported", ctx["message"].split(" ")[:3], type(e).__name__,
              str(e).startswith("_step(): already done: <Task finished"))
    reports.clear()


print("== test_set_result_causes_invalid_state")
coro = foo()
task = loop.create_task(coro)
asyncio.Future.set_result(task, "spam")
print(loop.run_until_complete(task))
show_reports()
coro.close()

print("== test_set_exception_causes_invalid_state")


class MyExc(Exception):
    pass


coro = foo()
task = loop.create_task(coro)
asyncio.Future.set_exception(task, MyExc())
try:
    loop.run_until_complete(task)
except MyExc as e:
    print("raised", repr(e))
show_reports()
coro.close()

loop.close()
