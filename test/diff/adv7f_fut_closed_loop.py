import asyncio
import concurrent.futures
import re

# Futures of a closed loop seen from outside and from another loop's tasks: a removed callback
# does not make completion fail; set_exception with callbacks raises but the exception is kept;
# a closed loop's task stays pending; a wrapper made on a closed loop never completes; awaiting
# a closed loop's done future in another loop's task gives its outcome at once, a pending one is
# refused (the task goes on); ensure_future and run_until_complete refuse the closed loop.


def clean(s):
    return re.sub(r" (running )?at \S+:\d+", "", s)


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(clean(str(e))))


def cb(f):
    print("never: callback ran")


old = asyncio.new_event_loop()
removed = old.create_future()
removed.add_done_callback(cb)
removed.add_done_callback(cb)
failing = old.create_future()
failing.add_done_callback(cb)
done_ok = old.create_future()
done_ok.set_result("kept")
done_err = old.create_future()
done_err.set_exception(ValueError("old failure"))
pending = old.create_future()
cancelled = old.create_future()
cancelled.cancel("old msg")


async def sleeper():
    await asyncio.sleep(10)


task = old.create_task(sleeper(), name="old-task")
old.run_until_complete(asyncio.sleep(0))
old.close()
print("closed", old.is_closed())

attempt("remove both", lambda: removed.remove_done_callback(cb))
attempt("set_result without callbacks", lambda: removed.set_result(1))
attempt("  result", removed.result)
attempt("set_exception with a callback", lambda: failing.set_exception(KeyError("k")))
print("  done", failing.done(), repr(failing))
attempt("  exception", lambda: repr(failing.exception()))
attempt("  set_result now", lambda: failing.set_result(2))
print("task", task.done(), task.cancelled(), clean(repr(task)))
attempt("  task.result", task.result)
attempt("  task.exception", task.exception)
attempt("run_until_complete(pending)", lambda: old.run_until_complete(pending))
print("  pending still", pending.done())
cf = concurrent.futures.Future()
w = asyncio.wrap_future(cf, loop=old)
print("wrapper on closed loop", w.get_loop() is old, w.done())
cf.set_result("into a closed loop")
print("  after settle", w.done())


async def co():
    return "never"


c = co()
attempt("ensure_future(coro, closed loop)", lambda: asyncio.ensure_future(c, loop=old))
attempt("create_future on closed loop", lambda: old.create_future().done())


async def main():
    loop = asyncio.get_running_loop()
    print("-- from a task of a new loop")
    print("await done_ok ->", await done_ok)
    try:
        await done_err
    except ValueError as e:
        print("await done_err raised", repr(e))
    try:
        await cancelled
    except asyncio.CancelledError as e:
        print("await cancelled raised CancelledError", repr(str(e)))
    try:
        await pending
    except RuntimeError as e:
        print("await pending raised RuntimeError", clean(str(e)))
    print("task goes on", await asyncio.sleep(0, "ok"))
    try:
        await pending
    except RuntimeError as e:
        print("await pending again raised RuntimeError", clean(str(e)))
    print("pending", pending.done())
    f = loop.create_future()
    loop.call_soon(f.set_result, "new loop future")
    print("own future ->", await f)


asyncio.run(main())
print("old still closed", old.is_closed(), "pending", pending.done())
