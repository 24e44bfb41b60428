import asyncio

loop = asyncio.new_event_loop()
# asyncio 3.11 checks callbacks at the call only in debug mode (aionode always does)
loop.set_debug(True)
print("debug", loop.get_debug())

def attempt(name, fn):
    try:
        r = fn()
        print(name, "ok", type(r).__name__)
        return r
    except (TypeError, ValueError, RuntimeError) as e:
        print(name, type(e).__name__)

async def coro_fn():
    return 1

def good(*args):
    print("good", list(args))

attempt("call_soon(42)", lambda: loop.call_soon(42))
attempt("call_soon(None)", lambda: loop.call_soon(None))
attempt("call_soon('str')", lambda: loop.call_soon("print"))
attempt("call_soon(coroutine function)", lambda: loop.call_soon(coro_fn))
attempt("call_soon(async function)", lambda: loop.call_soon(coro_fn))
attempt("call_later(0, coroutine function)", lambda: loop.call_later(0, coro_fn))
attempt("call_at(now, coroutine function)", lambda: loop.call_at(loop.time(), coro_fn))
c = coro_fn()
attempt("call_soon(coroutine object)", lambda: loop.call_soon(c))
c.close()
attempt("call_later(0.01, 42)", lambda: loop.call_later(0.01, 42))
attempt("call_later('0.1', good)", lambda: loop.call_later("0.1", good))
attempt("call_later(None, good)", lambda: loop.call_later(None, good))
attempt("call_at(None, good)", lambda: loop.call_at(None, good))
attempt("call_at(loop.time(), None)", lambda: loop.call_at(loop.time(), None))
attempt("set_exception_handler('x')", lambda: loop.set_exception_handler("x"))

# an infinite delay is accepted: the timer never fires
h_inf = attempt("call_later(inf, good)", lambda: loop.call_later(float("inf"), good, "never"))
print("inf when", h_inf.when() == float("inf"))

# the loop is not corrupted by the rejected calls
loop.call_soon(good, 1)
loop.call_later(0.005, good, 2)
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("pending inf timer cancelled", h_inf.cancelled())
h_inf.cancel()
print("after cancel", h_inf.cancelled())
loop.call_soon(good, 3)
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
