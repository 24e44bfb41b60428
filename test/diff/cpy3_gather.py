# CPython test_tasks.py, asyncio.gather(), as printed traces: GatherTestsBase's test_success,
# test_result_exception_success, test_one_exception and test_return_exceptions, each with
# futures (FutureGatherTests) and with coroutines awaiting them (CoroutineGatherTests);
# FutureGatherTests' test_constructor_empty_sequence_use_running_loop,
# test_constructor_empty_sequence_use_global_loop, test_constructor_heterogenous_futures (the
# message: aionode's error is a RuntimeError, README), test_constructor_homogenous_futures,
# test_one_cancellation, test_result_exception_one_cancellation; CoroutineGatherTests'
# test_constructor_use_running_loop, test_constructor_use_global_loop,
# test_duplicate_coroutines, test_cancellation_broadcast, test_exception_marking,
# test_issue46672 (with 42 as the bad argument: an object literal is gather()'s options bag).
import asyncio

one_loop = asyncio.new_event_loop()
other_loop = asyncio.new_event_loop()


async def once():
    pass


def run_loop(loop, n=3):
    # CPython's _run_loop runs the loop while callbacks are ready: a few brief runs here
    for i in range(n):
        loop.run_until_complete(once())


class Callback:
    def __init__(self, fut):
        self.fut = fut
        self.calls = []

    def __call__(self, f):
        self.calls.append(f is self.fut)


def wrap_futures(futs):
    return futs


def wrap_coroutines(futs):
    coros = []
    for fut in futs:
        async def coro(fut=fut):
            return await fut
        coros.append(coro())
    return coros


def gather_outside(*args, **kwargs):
    return asyncio.gather(*args, **kwargs)


def gather_inside(*args, **kwargs):
    async def coro():
        return [asyncio.gather(*args, **kwargs)]
    return one_loop.run_until_complete(coro())[0]


for kind, wrap, gather in (("futures", wrap_futures, gather_outside),
                           ("coroutines", wrap_coroutines, gather_inside)):
    def check_success(**kwargs):
        a, b, c = [one_loop.create_future() for i in range(3)]
        fut = gather(*wrap([a, b, c]), **kwargs)
        cb = Callback(fut)
        fut.add_done_callback(cb)
        b.set_result(1)
        a.set_result(2)
        run_loop(one_loop)
        print("  calls", cb.calls, "done", fut.done())
        c.set_result(3)
        run_loop(one_loop)
        print("  calls", cb.calls, "result", fut.result())

    print("== test_success", kind)
    check_success()
    check_success(return_exceptions=False)
    print("== test_result_exception_success", kind)
    check_success(return_exceptions=True)

    print("== test_one_exception", kind)
    a, b, c, d, e = [one_loop.create_future() for i in range(5)]
    fut = gather(*wrap([a, b, c, d, e]))
    cb = Callback(fut)
    fut.add_done_callback(cb)
    exc = ZeroDivisionError()
    a.set_result(1)
    b.set_exception(exc)
    run_loop(one_loop)
    print("  done", fut.done(), "calls", cb.calls, "exception is exc", fut.exception() is exc)
    c.set_result(3)
    d.cancel()
    e.set_exception(RuntimeError())
    e.exception()
    run_loop(one_loop)
    print("  calls", cb.calls)

    print("== test_return_exceptions", kind)
    a, b, c, d = [one_loop.create_future() for i in range(4)]
    fut = gather(*wrap([a, b, c, d]), return_exceptions=True)
    cb = Callback(fut)
    fut.add_done_callback(cb)
    exc = ZeroDivisionError()
    exc2 = RuntimeError()
    b.set_result(1)
    c.set_exception(exc)
    a.set_result(3)
    run_loop(one_loop)
    print("  done", fut.done())
    d.set_exception(exc2)
    run_loop(one_loop)
    res = fut.result()
    print("  done", fut.done(), "calls", cb.calls, "result", res, res[2] is exc, res[3] is exc2)

print("== test_constructor_empty_sequence_use_running_loop")


async def empty():
    return [asyncio.gather()]


fut = one_loop.run_until_complete(empty())[0]
print("a future", isinstance(fut, asyncio.Future), "on the loop", fut.get_loop() is one_loop,
      "done", fut.done(), "result", fut.result())

print("== test_constructor_empty_sequence_use_global_loop")
asyncio.set_event_loop(one_loop)
fut = asyncio.gather()
print("a future", isinstance(fut, asyncio.Future), "on the loop", fut.get_loop() is one_loop,
      "done", fut.done(), "result", fut.result())
asyncio.set_event_loop(None)

print("== test_constructor_heterogenous_futures")
fut1 = one_loop.create_future()
fut2 = other_loop.create_future()
try:
    asyncio.gather(fut1, fut2)
except (ValueError, RuntimeError) as e:
    print("refused:", str(e))
fut1.cancel()
fut2.cancel()

print("== test_constructor_homogenous_futures")
children = [other_loop.create_future() for i in range(3)]
gathers = []
for i in range(2):
    fut = asyncio.gather(*children)
    gathers.append(fut)
    print("on the children's loop", fut.get_loop() is other_loop)
    run_loop(other_loop)
    print("done", fut.done())
for ch in children:
    ch.cancel()
run_loop(other_loop)
print("after the children are cancelled", [type(g.exception()).__name__ for g in gathers])

print("== test_one_cancellation")
a, b, c, d, e = [one_loop.create_future() for i in range(5)]
fut = asyncio.gather(a, b, c, d, e)
cb = Callback(fut)
fut.add_done_callback(cb)
a.set_result(1)
b.cancel()
run_loop(one_loop)
print("done", fut.done(), "calls", cb.calls, "cancelled", fut.cancelled(),
      "exception", type(fut.exception()).__name__)
c.set_result(3)
d.cancel()
e.set_exception(RuntimeError())
e.exception()
run_loop(one_loop)

print("== test_result_exception_one_cancellation")
a, b, c, d, e, f = [one_loop.create_future() for i in range(6)]
fut = asyncio.gather(a, b, c, d, e, f, return_exceptions=True)
cb = Callback(fut)
fut.add_done_callback(cb)
a.set_result(1)
zde = ZeroDivisionError()
b.set_exception(zde)
c.cancel()
run_loop(one_loop)
print("done", fut.done())
d.set_result(3)
e.cancel()
rte = RuntimeError()
f.set_exception(rte)
res = one_loop.run_until_complete(fut)
print("result", [type(x).__name__ if isinstance(x, BaseException) else x for x in res],
      res[1] is zde, res[5] is rte, "calls", cb.calls)


async def abc():
    return "abc"


print("== test_constructor_use_running_loop")


async def gather_two():
    return [asyncio.gather(abc(), abc())]


fut = one_loop.run_until_complete(gather_two())[0]
print("on the loop", fut.get_loop() is one_loop, one_loop.run_until_complete(fut))

print("== test_constructor_use_global_loop")
asyncio.set_event_loop(other_loop)
fut = asyncio.gather(abc(), abc())
print("on the set loop", fut.get_loop() is other_loop, other_loop.run_until_complete(fut))
asyncio.set_event_loop(None)

print("== test_duplicate_coroutines")


async def coro(s):
    return s


c = coro("abc")
fut = gather_inside(c, c, coro("def"), c)
run_loop(one_loop)
print(fut.result())

print("== test_cancellation_broadcast")
proof = 0
waiter = one_loop.create_future()


async def inner():
    global proof
    await waiter
    proof += 1


child1 = asyncio.ensure_future(inner(), loop=one_loop)
child2 = asyncio.ensure_future(inner(), loop=one_loop)
gatherer = None


async def outer():
    global proof, gatherer
    gatherer = asyncio.gather(child1, child2)
    await gatherer
    proof += 100


f = asyncio.ensure_future(outer(), loop=one_loop)
run_loop(one_loop, 1)
print("cancel ->", f.cancel())
try:
    one_loop.run_until_complete(f)
except asyncio.CancelledError:
    print("CancelledError")
print("gatherer.cancel() ->", gatherer.cancel(), "waiter", waiter.cancelled(),
      "children", child1.cancelled(), child2.cancelled())
run_loop(one_loop, 1)
print("proof", proof)

print("== test_exception_marking")


async def raises_after(f):
    await f
    raise RuntimeError("should not be ignored")


a = one_loop.create_future()
b = one_loop.create_future()


async def outer2():
    await asyncio.gather(raises_after(a), raises_after(b))


f = asyncio.ensure_future(outer2(), loop=one_loop)
run_loop(one_loop, 1)
a.set_result(None)
run_loop(one_loop, 1)
b.set_result(None)
run_loop(one_loop, 1)
print("exception", repr(f.exception()))

print("== test_issue46672")
reports = []
one_loop.set_exception_handler(lambda lp, ctx: reports.append(ctx["message"]))
c = coro("abc")
try:
    gather_inside(c, 42)
except TypeError:
    print("TypeError")
run_loop(one_loop)
print("reports", reports)

one_loop.close()
other_loop.close()
