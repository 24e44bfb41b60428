import asyncio

loop = asyncio.new_event_loop()
seen = []

def handler(lp, ctx):
    seen.append(ctx)
    exc = ctx.get("exception")
    print("handler", lp is loop, ctx["message"], sorted(ctx), type(exc).__name__ if exc is not None else None)

# with no custom handler, call_exception_handler logs to stderr: nothing on stdout
loop.call_exception_handler({"message": "to the default handler"})
print("default handler did not raise")

loop.set_exception_handler(handler)
ctx = {"message": "plain message"}
loop.call_exception_handler(ctx)
print("same dict passed", seen[-1] is ctx)
loop.call_exception_handler({"message": "with exception", "exception": LookupError("lk")})
fut = loop.create_future()
loop.call_exception_handler({"message": "with future", "future": fut, "extra": 1})
print("future passed through", seen[-1]["future"] is fut, seen[-1]["extra"])

# called from inside a running loop (callback and task)
def cb():
    loop.call_exception_handler({"message": "from a callback"})

async def coro():
    loop.call_exception_handler({"message": "from a task", "task": asyncio.current_task()})
    await asyncio.sleep(0)
    return "coro done"

loop.call_soon(cb)
print(loop.run_until_complete(coro()))
print("task in context is a Task", isinstance(seen[-1]["task"], asyncio.Task))

# a handler that raises: the error is logged (stderr), call_exception_handler does not raise
def raising(lp, ctx):
    print("raising handler", ctx["message"])
    raise ValueError("oops")

loop.set_exception_handler(raising)
loop.call_exception_handler({"message": "to the raising handler"})
print("call_exception_handler returned normally")

# the default handler can be called directly too
loop.default_exception_handler({"message": "direct default"})
print("default_exception_handler returned normally")
print("handled", len(seen))
loop.close()
