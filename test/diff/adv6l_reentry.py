import asyncio
import re

# Re-entrant and cross-loop runs refused from every place code runs in a loop: a callback, a
# timer, a future's done callback, a task step (before and after an await), the exception
# handler; run_forever, run_until_complete (of a future, a coroutine, a task: the refused
# coroutine is never wrapped, so no task name is used up), close(), and the same on another loop
# (which stays usable and runs later). The loop goes on after each refusal, and what the refused
# calls were given is untouched.
loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()
seen = []


def s(x):
    return re.sub(r" (created |running |done, defined )?at \S+\.py:\d+", "", repr(x))


def attempt(where, label, fn):
    try:
        fn()
        print("  ", where, label, "ok?")
    except RuntimeError as e:
        print("  ", where, label, "->", type(e).__name__, str(e))


async def never():
    seen.append("never: a refused coroutine ran")


def probe(where):
    attempt(where, "run_forever", loop.run_forever)
    f = loop.create_future()
    attempt(where, "ruc(future)", lambda: loop.run_until_complete(f))
    c = never()
    attempt(where, "ruc(coroutine)", lambda: loop.run_until_complete(c))
    c.close()
    attempt(where, "close", loop.close)
    attempt(where, "other.run_forever", other.run_forever)
    c = never()
    attempt(where, "other.ruc(coroutine)", lambda: other.run_until_complete(c))
    c.close()
    print("  ", where, "f:", s(f), "| loop running:", loop.is_running(), "closed:", loop.is_closed(),
          "| other running:", other.is_running(), "closed:", other.is_closed())


def handler(lp, ctx):
    probe("handler")


loop.set_exception_handler(handler)


def boom():
    raise ValueError("boom")


async def task_body():
    probe("task step 1")
    await asyncio.sleep(0)
    probe("task step 2")
    t = asyncio.current_task()
    attempt("task step 2", "ruc(itself)", lambda: loop.run_until_complete(t))
    return "task result"


print("-- callbacks")
loop.call_soon(probe, "callback")
loop.call_at(-1.0, probe, "timer")
fut = loop.create_future()
fut.add_done_callback(lambda f: probe("done callback"))
loop.call_soon(fut.set_result, 1)
loop.call_soon(boom)
loop.call_later(0.2, loop.stop)
loop.run_forever()
print("-- a task")
print("result", loop.run_until_complete(task_body()))
t = loop.create_task(task_body())
print("next task name:", t.get_name())
t.cancel()
try:
    loop.run_until_complete(t)
except asyncio.CancelledError:
    print("cancelled before it started:", s(t))
print("-- the other loop still works")
other.call_soon(print, "   other runs")
other.call_soon(other.stop)
other.run_forever()
print("seen:", seen)


async def a_task_on_other():
    probe("task of the other loop")
    return asyncio.get_running_loop() is other


print("other result:", other.run_until_complete(a_task_on_other()))
other.close()
loop.close()
print("closed:", loop.is_closed(), other.is_closed())
