# CPython test_futures.py (BaseFutureTests), as printed traces: test_isfuture,
# test_initial_state, test_constructor_use_running_loop, test_constructor_use_global_loop,
# test_future_cancel_message_getter, test_cancel, test_result, test_exception,
# test_exception_class, test_yield_from_twice, test_future_repr, test_iter,
# test_future_stop_iteration_args, test_wrap_future_future.
import asyncio
import re


def strip(text):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", text)


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


def fakefunc(f):
    pass


def first_cb(f):
    pass


def last_cb(f):
    pass


loop = asyncio.new_event_loop()

print("== test_isfuture")
f = loop.create_future()
print("future", asyncio.isfuture(f), "number", asyncio.isfuture(1), "class", asyncio.isfuture(asyncio.Future))
print("task", asyncio.isfuture(loop.create_task(asyncio.sleep(0))))
f.cancel()

print("== test_initial_state")
f = loop.create_future()
print("cancelled", f.cancelled(), "done", f.done())
f.cancel()
print("after cancel: cancelled", f.cancelled(), "done", f.done())

print("== test_constructor_use_running_loop")


async def make():
    return asyncio.Future()


f = loop.run_until_complete(make())
print("bound to the running loop", f.get_loop() is loop)

print("== test_constructor_use_global_loop")
asyncio.set_event_loop(loop)
f = asyncio.Future()
print("bound to the set loop", f.get_loop() is loop)
asyncio.set_event_loop(None)

print("== test_future_cancel_message_getter")
f = loop.create_future()
print("cancel ->", f.cancel("my message"))
try:
    loop.run_until_complete(f)
except asyncio.CancelledError as e:
    print("run_until_complete raised CancelledError", repr(str(e)))

print("== test_cancel")
f = loop.create_future()
print("cancel ->", f.cancel())
print("cancelled", f.cancelled(), "done", f.done())
attempt("result()", f.result)
attempt("exception()", f.exception)
attempt("set_result(None)", lambda: f.set_result(None))
attempt("set_exception(None)", lambda: f.set_exception(None))
print("cancel again ->", f.cancel())

print("== test_result")
f = loop.create_future()
attempt("result() pending", f.result)
f.set_result(42)
print("cancelled", f.cancelled(), "done", f.done())
attempt("result()", f.result)
attempt("exception()", f.exception)
attempt("set_result(None)", lambda: f.set_result(None))
attempt("set_exception(None)", lambda: f.set_exception(None))
print("cancel ->", f.cancel())

print("== test_exception")
exc = RuntimeError()
f = loop.create_future()
attempt("exception() pending", f.exception)
f.set_exception(exc)
print("cancelled", f.cancelled(), "done", f.done())
attempt("result()", f.result)
print("exception() is exc", f.exception() is exc)
attempt("set_result(None)", lambda: f.set_result(None))
attempt("set_exception(None)", lambda: f.set_exception(None))
print("cancel ->", f.cancel())

print("== test_exception_class")
f = loop.create_future()
f.set_exception(RuntimeError)
print("an instance", isinstance(f.exception(), RuntimeError), repr(f.exception()))

print("== test_yield_from_twice")
f = loop.create_future()


def fixture():
    yield "A"
    x = yield from f
    yield "B", x
    y = yield from f
    yield "C", y


g = fixture()
print(next(g))
print("first yield from f yields f", next(g) is f)
f.set_result(42)
print(next(g))
print(next(g))

print("== test_future_repr")
loop.set_debug(True)
f = loop.create_future()
print(strip(repr(f)))
f.cancel()
loop.set_debug(False)
f = loop.create_future()
print(repr(f))
f.cancel()
print(repr(f))
f = loop.create_future()
f.set_result(4)
print(repr(f), f.result())
exc = RuntimeError()
f = loop.create_future()
f.set_exception(exc)
print(repr(f), f.exception() is exc)
f = loop.create_future()
f.add_done_callback(fakefunc)
print(strip(repr(f)))
f.cancel()
print(repr(f))
f = loop.create_future()
f.add_done_callback(first_cb)
f.add_done_callback(last_cb)
print(strip(repr(f)))
f = loop.create_future()
f.add_done_callback(first_cb)
for i in range(8):
    f.add_done_callback(fakefunc)
f.add_done_callback(last_cb)
print(strip(repr(f)))
f.cancel()
print(repr(f))

print("== test_iter")
f = loop.create_future()


def coro():
    yield from f


g = coro()
print("first step yields f", next(g) is f)
attempt("second step", lambda: next(g))
f.cancel()

print("== test_future_stop_iteration_args")
f = loop.create_future()
f.set_result((1, 2))
it = f.__await__()
try:
    it.send(None)
except StopIteration as e:
    print("iteration ends at once with", e.args[0])

print("== test_wrap_future_future")
f = loop.create_future()
print("wrap_future(f) is f", asyncio.wrap_future(f) is f)
f.cancel()

loop.run_until_complete(asyncio.sleep(0))
loop.close()
