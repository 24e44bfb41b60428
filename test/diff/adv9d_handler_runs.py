import asyncio
import logging
import re

# Exception handlers set and reset between runs, and per loop: failures queued between runs
# (callbacks, a timer already due, a future's done callback, a task's done callback) are handled
# by whatever handler is set when they run, not when they were scheduled; a handler installed
# from inside a run catches the rest of that iteration and the next run's failures; the handler
# reset to the default (None) between runs, so the default logs them (first line compared); a
# second loop keeps its own handler (and the default) while the first one's changes; failures
# queued on A from B's callbacks go to A's handler in A's next run; call_exception_handler
# between runs and on a closed loop calls the handler at once (not running); rejected handlers
# leave the current one set; a handler that raises is replaced between runs and the default
# reports 'Unhandled error in exception handler' only while it was set.
A = asyncio.new_event_loop()
B = asyncio.new_event_loop()


def s(t):
    # a task's repr in a message is cut by reprlib where its source location sits: keep the head
    return re.sub(r"\(<Task .*", "(<Task ...>)", re.sub(r" at \S+\.py:\d+", "", t))


class Cap(logging.Handler):
    def emit(self, rec):
        print("   default logs:", s(rec.getMessage()).split("\n")[0])


logging.getLogger("asyncio").addHandler(Cap())
logging.getLogger("asyncio").propagate = False


def log(*args):
    print("  ", *args)


def name(lp):
    return "A" if lp is A else "B" if lp is B else "?"


def make_handler(tag):
    def handler(lp, ctx):
        exc = ctx.get("exception")
        log(
            "handler", tag, "on", name(lp), "running", lp.is_running(), "|", s(ctx["message"]),
            "|", type(exc).__name__ if exc is not None else None, str(exc) if exc is not None else "",
        )
    handler.tag = tag
    return handler


def current(lp):
    h = lp.get_exception_handler()
    return getattr(h, "tag", None) if h is not None else None


def boom(tag):
    log("boom", tag)
    raise ValueError(tag)


def bad_done(fut):
    raise LookupError("done callback of " + str(fut.result()))


def run(lp, label):
    lp.call_soon(lp.stop)
    print("run", name(lp), label, "| handler", current(lp))
    lp.run_forever()


h1 = make_handler("h1")
h2 = make_handler("h2")
h3 = make_handler("h3")

print("-- 1 a handler set before the run, and one set inside it")
A.set_exception_handler(h1)
A.call_soon(boom, "first")
A.call_soon(lambda: (log("callback installs h2"), A.set_exception_handler(h2)))
A.call_soon(boom, "second")
A.call_soon(lambda: A.call_soon(boom, "queued in the last iteration"))
run(A, "one")
run(A, "two")

print("-- 2 failures queued between runs, handler reset to the default before they run")
A.call_soon(boom, "between")
A.call_at(A.time() - 1, boom, "due timer")
f = A.create_future()
f.add_done_callback(bad_done)
f.set_result("f")


async def quick():
    return "q"


t = A.create_task(quick(), name="quick")
t.add_done_callback(bad_done)
A.set_exception_handler(None)
run(A, "default")
print("handler now", current(A))

print("-- 3 two loops, each its own handler")
A.set_exception_handler(h3)
B.call_soon(boom, "on B")
B.call_soon(A.call_soon, boom, "queued on A from B")
B.call_soon(lambda: A.call_exception_handler({"message": "A's handler called from B"}))
run(B, "B keeps the default")
B.set_exception_handler(h1)
B.call_soon(boom, "on B again")
run(B, "B with h1")
A.set_exception_handler(h2)
run(A, "A with h2")

print("-- 4 call_exception_handler between runs")
A.call_exception_handler({"message": "between runs", "exception": KeyError("k")})
for bad in (42, "text"):
    try:
        A.set_exception_handler(bad)
    except TypeError as e:
        print("set_exception_handler(%r) raised TypeError" % (bad,))
print("handler still", current(A))
A.set_exception_handler(None)
A.call_exception_handler({"message": "between runs, default"})


def raising(lp, ctx):
    log("raising handler got", s(ctx["message"]))
    raise RuntimeError("handler broke")


raising.tag = "raising"


print("-- 5 a raising handler, replaced between runs")
A.set_exception_handler(raising)
A.call_soon(boom, "to the raising handler")
run(A, "raising")
A.call_soon(boom, "after the replacement")
A.set_exception_handler(h3)
run(A, "h3 again")

print("-- 6 closed loops")
A.close()
A.set_exception_handler(h1)
A.call_exception_handler({"message": "on a closed loop"})
A.set_exception_handler(None)
A.call_exception_handler({"message": "on a closed loop, default"})
B.close()
print("handlers", current(A), current(B))
