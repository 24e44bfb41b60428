import asyncio
import re

# Which error wins when a call is wrong twice: on a closed loop, call_soon,
# call_soon_threadsafe, call_later, call_at, create_task, run_until_complete and run_forever say
# 'Event loop is closed' whatever the callback or awaitable (not callable, a coroutine function
# in debug mode, a value that is not awaitable); on an open loop in debug mode the callback
# checks name the method (call_soon_threadsafe its own name); run_until_complete/create_task of
# values that are not awaitable; set_exception_handler of a non-callable; the loop unharmed by
# every refusal (it runs afterwards; outside debug mode asyncio takes any callback, aionode
# still rejects what is not a function, so that case is left out), and what works on a closed
# loop (create_future, time, get_debug, set_debug, stop, close, is_running, is_closed).
CAMEL = {"call_soon_threadsafe": "callSoonThreadsafe", "call_soon": "callSoon", "call_at": "callAt",
         "None": "null"}


def camel(msg):
    return re.sub(r"call_soon_threadsafe|call_soon|call_at|None", lambda m: CAMEL[m.group(0)], msg)


def attempt(label, fn, full=True):
    try:
        r = fn()
        print("  ", label, "ok", type(r).__name__ if r is not None and not isinstance(r, bool) else r)
    except (TypeError, RuntimeError) as e:
        msg = camel(str(e)) if full else "-"
        print("  ", label, type(e).__name__, msg.split(", got")[0])


async def coro_fn():
    return 1


def cb():
    print("   cb runs")


def shapes(loop, label):
    print("--", label)
    attempt("call_soon(42)", lambda: loop.call_soon(42), False)
    attempt("call_soon(coroutine function)", lambda: loop.call_soon(coro_fn))
    attempt("call_soon_threadsafe(coroutine function)", lambda: loop.call_soon_threadsafe(coro_fn))
    attempt("call_later(1, 42)", lambda: loop.call_later(1, 42), False)
    attempt("call_later(1, coroutine function)", lambda: loop.call_later(1, coro_fn), False)
    attempt("call_at(1, 42)", lambda: loop.call_at(1, 42), False)
    attempt("call_at(1, coroutine function)", lambda: loop.call_at(1, coro_fn))
    attempt("set_exception_handler(42)", lambda: loop.set_exception_handler(42))
    attempt("create_task(42)", lambda: loop.create_task(42), False)
    attempt("run_until_complete(42)", lambda: loop.run_until_complete(42), False)
    attempt("run_until_complete(None)", lambda: loop.run_until_complete(None), False)
    print("   running:", loop.is_running(), "closed:", loop.is_closed())


loop = asyncio.new_event_loop()
loop.set_debug(True)
shapes(loop, "open, debug")
loop.call_soon(cb)
loop.call_soon(loop.stop)
loop.run_forever()
print("   the loop ran after the refusals")
print("   then:", loop.run_until_complete(asyncio.sleep(0, "sleep(0) ran")))
loop.close()
loop.set_debug(True)
shapes(loop, "closed, debug")
loop.set_debug(False)
shapes(loop, "closed")
print("-- what a closed loop still does")
attempt("create_future()", loop.create_future)
attempt("time() is a float", lambda: isinstance(loop.time(), float))
attempt("get_debug()", loop.get_debug)
attempt("set_debug(True)", lambda: loop.set_debug(True))
attempt("get_debug()", loop.get_debug)
attempt("stop()", loop.stop)
attempt("close()", loop.close)
attempt("is_running()", loop.is_running)
attempt("is_closed()", loop.is_closed)
attempt("run_forever()", loop.run_forever)
attempt("call_soon(cb)", lambda: loop.call_soon(cb))
attempt("set_exception_handler(None)", lambda: loop.set_exception_handler(None))
