import asyncio

loop = asyncio.new_event_loop()
print("new loop: running", loop.is_running(), "closed", loop.is_closed())

def inside():
    print("inside: running", loop.is_running(), "closed", loop.is_closed())
    try:
        loop.close()
    except RuntimeError as e:
        print("close() while running:", type(e).__name__, str(e))
    print("still open", loop.is_closed())

loop.call_soon(inside)
loop.call_soon(loop.stop)
loop.run_forever()
print("after run: running", loop.is_running(), "closed", loop.is_closed())

# callbacks and timers pending at close() are dropped without being cancelled
pending_soon = loop.call_soon(print, "never runs (soon)")
pending_timer = loop.call_later(0.01, print, "never runs (timer)")
fut = loop.create_future()
loop.close()
print("closed", loop.is_closed(), "running", loop.is_running())
print("pending handles cancelled()", pending_soon.cancelled(), pending_timer.cancelled())
loop.close()
print("close() twice is fine", loop.is_closed())

def attempt(name, fn):
    try:
        fn()
        print(name, "ok")
    except RuntimeError as e:
        print(name, type(e).__name__, str(e))

attempt("call_soon", lambda: loop.call_soon(print, "x"))
attempt("call_later", lambda: loop.call_later(0.01, print, "x"))
attempt("call_at", lambda: loop.call_at(loop.time() + 1, print, "x"))
attempt("call_soon_threadsafe", lambda: loop.call_soon_threadsafe(print, "x"))
attempt("run_forever", lambda: loop.run_forever())
attempt("run_until_complete", lambda: loop.run_until_complete(fut))
attempt("stop", lambda: loop.stop())
attempt("time", lambda: loop.time() > 0)
print("fut still pending", fut.done())
print("pending handles still not cancelled", pending_soon.cancelled(), pending_timer.cancelled())
pending_timer.cancel()
print("cancel() after close", pending_timer.cancelled())

# a fresh loop is independent
loop2 = asyncio.new_event_loop()
loop2.call_soon(print, "loop2 runs")
loop2.call_soon(loop2.stop)
loop2.run_forever()
loop2.close()
print("loop2 closed", loop2.is_closed())
