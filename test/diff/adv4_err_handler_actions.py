import asyncio
import re

# Exception handlers that act on the loop: close() and run_until_complete() / run_forever()
# from inside the handler (RuntimeError, reported as 'Unhandled error in exception handler'),
# scheduling further failing callbacks (a chain, in order with the rest of the iteration),
# completing a future a task awaits, cancelling the task that called call_exception_handler()
# directly, and stopping the loop during run_until_complete() ('Event loop stopped before
# Future completed.'), after which the loop runs again.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


def stable(s):
    return re.sub(r" at \S+\.py:\d+", "", s)


def default_override(ctx):
    inner = ctx.get("context")
    exc = ctx.get("exception")
    print("  default |", stable(ctx["message"]), "|", type(exc).__name__, repr(str(exc)), "| inner:",
          stable(inner["message"]) if inner else None)


loop.default_exception_handler = default_override


class AppError(Exception):
    pass


def boom(tag):
    raise AppError(tag)


def note(tag):
    print("  note", tag)


actions = {}


def handler(lp, ctx):
    msg = stable(ctx["message"])
    print("H |", msg, "|", sorted(ctx))
    key = str(ctx.get("exception")) if ctx.get("exception") is not None else msg
    act = actions.get(key)
    if act is not None:
        act(lp, ctx)


loop.set_exception_handler(handler)


def do_close(lp, ctx):
    lp.close()


def do_ruc(lp, ctx):
    lp.run_until_complete(asyncio.sleep(0))


def do_forever(lp, ctx):
    lp.run_forever()


chain = [0]


def do_chain(lp, ctx):
    chain[0] += 1
    if chain[0] < 3:
        lp.call_soon(boom, "chain")
    lp.call_soon(note, "scheduled by handler %d" % chain[0])


actions["close"] = do_close
actions["ruc"] = do_ruc
actions["forever"] = do_forever
actions["chain"] = do_chain

print("-- loop calls from the handler")


loop.call_soon(boom, "close")
loop.call_soon(boom, "ruc")
loop.call_soon(boom, "forever")
loop.call_soon(note, "same iteration")
loop.call_soon(loop.stop)
loop.run_forever()
print("closed?", loop.is_closed())

print("-- chain")
loop.call_soon(boom, "chain")
loop.call_soon(note, "same iteration 1")
loop.call_soon(note, "same iteration 2")
loop.call_later(0.2, loop.stop)
loop.run_forever()

print("-- handler completes a future, cancels a task")
fut_box = {}


def do_complete(lp, ctx):
    fut_box["f"].set_result("set by handler")


def do_cancel(lp, ctx):
    print("  cancel ->", ctx["task"].cancel("handler says no"))


actions["complete"] = do_complete
actions["please cancel me"] = do_cancel


async def waiter():
    lp = asyncio.get_running_loop()
    fut_box["f"] = lp.create_future()
    lp.call_soon(boom, "complete")
    print("  waiter got", await fut_box["f"])
    lp.call_exception_handler({"message": "please cancel me", "task": asyncio.current_task()})
    print("  still running after the handler, cancelling", asyncio.current_task().cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  waiter cancelled:", repr(str(e)))
        raise


try:
    loop.run_until_complete(waiter())
except asyncio.CancelledError as e:
    print("run_until_complete raised CancelledError", repr(str(e)))

print("-- handler stops the loop during run_until_complete")


def do_stop(lp, ctx):
    lp.stop()


actions["stop"] = do_stop


async def long_main():
    lp = asyncio.get_running_loop()
    lp.call_soon(boom, "stop")
    lp.call_soon(note, "after stop, same iteration")
    await asyncio.sleep(0)
    print("  long_main step 2")
    await asyncio.sleep(0)
    print("  long_main step 3")
    return "long result"


coro = long_main()
task = loop.create_task(coro)
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print("run_until_complete raised", repr(str(e)))
print("task done", task.done())
print("again ->", loop.run_until_complete(task))
loop.close()
print("closed", loop.is_closed())
