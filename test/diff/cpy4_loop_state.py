import asyncio

# CPython test_asyncio scenarios (the loop's states and the operations they refuse):
# test_base_events.BaseEventLoopTests: test_close, test_set_debug, test_run_until_complete_type_error,
#   test_run_until_complete_loop, test_create_task_error_closes_coro,
#   test_create_named_task_with_default_factory; RunningLoopTests.test_running_loop_within_a_loop;
# test_events.EventLoopTestsMixin: test_close, test_close_running_event_loop,
#   test_run_until_complete_nesting, test_run_until_complete_stopped.


def attempt(label, fn):
    try:
        r = fn()
        print("  ", label, "->", r)
    except (RuntimeError, TypeError, ValueError, asyncio.CancelledError) as e:
        print("  ", label, "raised", type(e).__name__, str(e))


async def nothing():
    pass


def noop():
    pass


print("== test_close (base_events)")
loop = asyncio.new_event_loop()
print("   is_closed:", loop.is_closed(), "is_running:", loop.is_running())
print("   close ->", loop.close(), "is_closed:", loop.is_closed())
print("   close again ->", loop.close(), loop.close(), "is_closed:", loop.is_closed())
fut = loop.create_future()
print("   create_future on a closed loop:", fut)
attempt("run_forever", loop.run_forever)
attempt("run_until_complete(fut)", lambda: loop.run_until_complete(fut))
print("   fut after:", fut)

print("== test_close (events)")
loop = asyncio.new_event_loop()
loop.close()
co = nothing()
attempt("run_forever", loop.run_forever)
attempt("run_until_complete(new future)", lambda: loop.run_until_complete(loop.create_future()))
attempt("call_soon", lambda: loop.call_soon(noop))
attempt("call_soon_threadsafe", lambda: loop.call_soon_threadsafe(noop))
attempt("call_later", lambda: loop.call_later(1.0, noop))
attempt("call_at", lambda: loop.call_at(loop.time() + 0.0, noop))
attempt("create_task", lambda: loop.create_task(co))
print("   is_running:", loop.is_running(), "is_closed:", loop.is_closed())

print("== test_create_task_error_closes_coro")
attempt("ensure_future(coro, loop=closed)", lambda: asyncio.ensure_future(nothing(), loop=loop))

print("== test_set_debug")
loop = asyncio.new_event_loop()
print("   default:", loop.get_debug())
loop.set_debug(True)
print("   after set_debug(True):", loop.get_debug())
loop.set_debug(False)
print("   after set_debug(False):", loop.get_debug())

print("== test_run_until_complete_type_error")
# (aionode's message names the bad value: print the type only)
for bad in ('blah', 42):
    try:
        loop.run_until_complete(bad)
    except TypeError as e:
        print("   run_until_complete(%r) raised" % (bad,), type(e).__name__)
print("   is_running:", loop.is_running(), "is_closed:", loop.is_closed())

print("== test_run_until_complete_loop")
other = asyncio.new_event_loop()
ofut = loop.create_future()
try:
    other.run_until_complete(ofut)
    print("   no error")
except (RuntimeError, ValueError):
    print("   refused a future of another loop; other running:", other.is_running(), "fut:", ofut)
other.close()

print("== test_create_named_task_with_default_factory")
t = loop.create_task(nothing(), name="test_task")
print("   name:", t.get_name(), "done:", t.done())
print("   ruc ->", loop.run_until_complete(t), "done:", t.done())

print("== test_close_running_event_loop")


async def close_loop():
    print("   running:", loop.is_running())
    loop.close()
    print("   never")

attempt("run_until_complete(close_loop())", lambda: loop.run_until_complete(close_loop()))
print("   is_running:", loop.is_running(), "is_closed:", loop.is_closed())

print("== test_run_until_complete_nesting")


async def inner():
    await asyncio.sleep(0)
    return "inner"


async def nesting():
    print("   running:", loop.is_running())
    c = inner()
    try:
        loop.run_until_complete(c)
    finally:
        c.close()

attempt("run_until_complete(nesting())", lambda: loop.run_until_complete(nesting()))
attempt("after it, run_until_complete(inner())", lambda: loop.run_until_complete(inner()))

print("== test_run_until_complete_stopped")


async def stops():
    loop.stop()
    print("   stopped the loop, sleeping")
    await asyncio.sleep(0.1)
    print("   never: woke")

task = loop.create_task(stops())
attempt("run_until_complete(stops)", lambda: loop.run_until_complete(task))
print("   task:", task.done(), "is_running:", loop.is_running())
task.cancel()
attempt("run_until_complete(cancelled task)", lambda: loop.run_until_complete(task))
print("   task:", task.done(), task.cancelled())

print("== test_running_loop_within_a_loop")
outer = asyncio.new_event_loop()


async def runner():
    loop.run_forever()

attempt("outer.run_until_complete(runner())", lambda: outer.run_until_complete(runner()))
print("   loop running:", loop.is_running(), "outer running:", outer.is_running())
outer.close()
loop.close()
print("   closed:", loop.is_closed(), outer.is_closed())
