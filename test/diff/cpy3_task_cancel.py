# CPython test_tasks.py (BaseTaskTests), cancellation, as printed traces:
# test_task_cancel_message_getter, test_cancel, test_cancel_with_message_then_future_result,
# test_cancel_with_message_then_future_exception, test_cancellation_exception_context,
# test_cancel_with_message_before_starting_task, test_cancel_yield, test_cancel_inner_future,
# test_cancel_both_task_and_inner_future, test_cancel_task_catching, test_cancel_task_ignoring,
# test_cancel_current_task, test_cancel_at_end, test_cancel_awaited_task,
# test_task_cancel_waiter_future, test_task_cancel_sleeping_task,
# test_baseexception_during_cancel (with an ordinary exception: JavaScript has no
# BaseException), test_yield_future_passes_cancel, test_yield_wait_does_not_shield_cancel,
# test_cancel_gather_1, test_cancel_gather_2, test_tb_logger_not_called_after_cancel.
import asyncio

loop = asyncio.new_event_loop()


async def once():
    pass


def run_briefly(lp=None):
    # as CPython's test_utils.run_briefly: two iterations (a no-op task, then its done callback)
    (lp or loop).run_until_complete(once())


def run(lp, aw):
    try:
        print("  returned", repr(lp.run_until_complete(aw)))
    except asyncio.CancelledError as e:
        print("  raised CancelledError", repr(str(e)))
    except Exception as e:
        print("  raised", type(e).__name__, repr(str(e)))


def states(label, t):
    print("  " + label, "done", t.done(), "cancelled", t.cancelled())


async def sleep10():
    await asyncio.sleep(10)


print("== test_task_cancel_message_getter")


async def nothing():
    pass


t = loop.create_task(nothing())
print("  cancel ->", t.cancel("my message"))
run(loop, t)

print("== test_cancel")


async def task12():
    await asyncio.sleep(10.0)
    return 12


t = loop.create_task(task12())
loop.call_soon(t.cancel)
run(loop, t)
states("t", t)
print("  cancel again ->", t.cancel())

for name, last in (("test_cancel_with_message_then_future_result", "result"),
                   ("test_cancel_with_message_then_future_exception", "exception")):
    print("==", name)
    for args in ((), (None,), ("my message",), (5,)):
        lp = asyncio.new_event_loop()

        async def coro():
            task = lp.create_task(sleep10())
            await asyncio.sleep(0)
            task.cancel(*args)
            done, pending = await asyncio.wait([task])
            print("  done", len(done), "pending", len(pending))
            getattr(task, last)()

        print("  cancel args", args)
        run(lp, lp.create_task(coro()))
        lp.close()

print("== test_cancellation_exception_context")
lp = asyncio.new_event_loop()
fut = lp.create_future()


async def sleeper():
    fut.set_result(None)
    await asyncio.sleep(10)


async def chained():
    inner_task = lp.create_task(sleeper())
    await fut
    lp.call_soon(inner_task.cancel, "msg")
    try:
        await inner_task
    except asyncio.CancelledError as ex:
        raise ValueError("cancelled") from ex


task = lp.create_task(chained())
try:
    lp.run_until_complete(task)
except ValueError as e:
    print("  raised", repr(e), "from", repr(e.__cause__))
lp.close()

print("== test_cancel_with_message_before_starting_task")
lp = asyncio.new_event_loop()


async def before_start():
    task = lp.create_task(sleep10())
    task.cancel("my message")
    done, pending = await asyncio.wait([task])
    print("  done", len(done), "pending", len(pending))
    task.exception()


run(lp, lp.create_task(before_start()))
lp.close()

print("== test_cancel_yield")


async def two_yields():
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return 12


t = loop.create_task(two_yields())
run_briefly()
print("  cancel ->", t.cancel())
run(loop, t)
states("t", t)
print("  cancel again ->", t.cancel())

print("== test_cancel_inner_future")
f = loop.create_future()


async def awaits_f():
    await f
    return 12


t = loop.create_task(awaits_f())
run_briefly()
f.cancel()
run(loop, t)
print("  f cancelled", f.cancelled(), "t cancelled", t.cancelled())

print("== test_cancel_both_task_and_inner_future")
f = loop.create_future()
t = loop.create_task(awaits_f())
run_briefly()
f.cancel()
print("  t.cancel() ->", t.cancel())
run(loop, t)
print("  t done", t.done(), "f cancelled", f.cancelled(), "t cancelled", t.cancelled())

print("== test_cancel_task_catching")
fut1 = loop.create_future()
fut2 = loop.create_future()


async def catching():
    await fut1
    try:
        await fut2
    except asyncio.CancelledError:
        return 42


t = loop.create_task(catching())
run_briefly()
fut1.set_result(None)
run_briefly()
print("  t.cancel() ->", t.cancel(), "fut2 cancelled", fut2.cancelled())
run(loop, t)
print("  t cancelled", t.cancelled())

print("== test_cancel_task_ignoring")
fut1 = loop.create_future()
fut2 = loop.create_future()
fut3 = loop.create_future()


async def ignoring():
    await fut1
    try:
        await fut2
    except asyncio.CancelledError:
        print("  ignored the cancellation")
    res = await fut3
    return res


t = loop.create_task(ignoring())
run_briefly()
fut1.set_result(None)
run_briefly()
print("  t.cancel() ->", t.cancel(), "fut2 cancelled", fut2.cancelled())
run_briefly()
fut3.set_result(42)
run(loop, t)
print("  fut3 cancelled", fut3.cancelled(), "t cancelled", t.cancelled())

print("== test_cancel_current_task")
lp = asyncio.new_event_loop()


async def cancels_itself():
    print("  cancel itself ->", t.cancel())
    await asyncio.sleep(100)
    return 12


t = lp.create_task(cancels_itself())
print("  cancelled before", t.cancelled())
run(lp, t)
states("t", t)
print("  cancel again ->", t.cancel())
lp.close()

print("== test_cancel_at_end")
lp = asyncio.new_event_loop()


async def cancels_then_returns():
    print("  cancel itself ->", t.cancel())
    return 12


t = lp.create_task(cancels_then_returns())
print("  cancelled before", t.cancelled())
run(lp, t)
states("t", t)
print("  cancel again ->", t.cancel())
lp.close()

print("== test_cancel_awaited_task")
lp = asyncio.new_event_loop()
fut = lp.create_future()
nested_task = None


async def nested():
    await fut


async def awaits_nested():
    global nested_task
    nested_task = lp.create_task(nested())
    await asyncio.sleep(0)
    task.cancel()
    await nested_task


task = lp.create_task(awaits_nested())
run(lp, task)
print("  task cancelled", task.cancelled(), "nested cancelled", nested_task.cancelled(),
      "fut cancelled", fut.cancelled())
lp.close()

print("== test_task_cancel_waiter_future")
fut = loop.create_future()


async def awaits_fut():
    await fut


task = loop.create_task(awaits_fut())
run_briefly()
print("  cancel ->", task.cancel())
run_briefly()
run(loop, task)
print("  fut cancelled", fut.cancelled())

print("== test_task_cancel_sleeping_task")


async def doit():
    sleeper = loop.create_task(sleep10())
    t0 = loop.time()
    loop.call_later(0.1, sleeper.cancel)
    try:
        await sleeper
    except asyncio.CancelledError:
        return "cancelled", round(loop.time() - t0, 1)
    else:
        return "slept in"


run(loop, doit())

print("== test_baseexception_during_cancel")
exc = ValueError("instead")


async def notmuch():
    try:
        await sleep10()
    except asyncio.CancelledError:
        raise exc


task = loop.create_task(notmuch())
run_briefly()
print("  cancel ->", task.cancel(), "done", task.done())
run_briefly()
states("task", task)
print("  exception is exc", task.exception() is exc)

print("== test_yield_future_passes_cancel")
proof = 0
waiter = loop.create_future()


async def inner():
    global proof
    try:
        await waiter
    except asyncio.CancelledError:
        proof += 1
        raise
    else:
        print("  got past the waiter")


async def outer():
    global proof
    try:
        await inner()
    except asyncio.CancelledError:
        proof += 100
    else:
        proof += 10


f = asyncio.ensure_future(outer(), loop=loop)
run_briefly()
print("  cancel ->", f.cancel())
run(loop, f)
print("  proof", proof, "waiter cancelled", waiter.cancelled())

print("== test_yield_wait_does_not_shield_cancel")
proof = 0
waiter = loop.create_future()


async def inner2():
    global proof
    await waiter
    proof += 1


async def outer2():
    global proof
    d, p = await asyncio.wait([asyncio.create_task(inner2())])
    proof += 100


f = asyncio.ensure_future(outer2(), loop=loop)
run_briefly()
print("  cancel ->", f.cancel())
run(loop, f)
waiter.set_result(None)
run_briefly()
print("  proof", proof)

print("== test_cancel_gather_1")
lp = asyncio.new_event_loop()
fut = lp.create_future()


async def create():
    def child_coro():
        return (yield from fut)
    gather_future = asyncio.gather(child_coro())
    return [asyncio.ensure_future(gather_future)]


gather_task = lp.run_until_complete(create())[0]
cancel_result = None


def cancelling_callback(_):
    global cancel_result
    cancel_result = gather_task.cancel()


fut.add_done_callback(cancelling_callback)
fut.set_result(42)
run(lp, gather_task)
print("  cancel_result", cancel_result, "cancelled", gather_task.cancelled(), "result", gather_task.result())
lp.close()

print("== test_cancel_gather_2")
for args in ((), (None,), ("my message",), (5,)):
    lp = asyncio.new_event_loop()

    async def looping():
        for i in range(10):
            await asyncio.gather(asyncio.sleep(0.2), return_exceptions=True)

    async def main():
        qwe = lp.create_task(looping())
        await asyncio.sleep(0.1)
        qwe.cancel(*args)
        await qwe

    print("  cancel args", args)
    run(lp, main())
    lp.close()

print("== test_tb_logger_not_called_after_cancel")
lp = asyncio.new_event_loop()
reports = []
lp.set_exception_handler(lambda l, ctx: reports.append(ctx["message"]))


async def raises():
    raise TypeError


async def runner():
    task = lp.create_task(raises())
    await asyncio.sleep(0)
    print("  cancel ->", task.cancel())
    task = None


lp.run_until_complete(runner())
lp.close()
print("  reports", reports)

loop.close()
