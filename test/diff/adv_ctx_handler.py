import asyncio
import contextvars

# contextvars and the exception handler: a callback that raises is reported outside its own
# context, in the context the loop runs in (the caller of run_until_complete / asyncio.run),
# whether it is a call_soon / call_later callback or a done callback, scheduled by a task or from
# outside the loop; call_exception_handler called directly runs in its caller's context.
# (aionode twin: AsyncLocalStorage.)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

def handler(loop, context):
    exc = context.get("exception")
    print("handler:", type(exc).__name__ if exc else None, exc, "| sees", get())

def boom(label):
    print("boom", label, "runs in", get())
    raise ValueError(label)

async def worker():
    loop = asyncio.get_running_loop()
    var.set("worker")
    loop.call_soon(boom, "soon")
    loop.call_later(0.001, boom, "later")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: boom("done-cb"))
    fut.set_result(None)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({"message": "direct", "exception": ValueError("direct")})

async def main(tag):
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    var.set(f"{tag}-main")
    await asyncio.create_task(worker())
    print(tag, "main after worker", get())

def outside(loop, tag):
    loop.set_exception_handler(handler)
    ctx = contextvars.copy_context()
    ctx.run(var.set, f"{tag}-outside")
    ctx.run(loop.call_soon, boom, f"{tag}-outside-soon")

var.set("top")
asyncio.run(main("run"))
print("after run", get())
loop = asyncio.new_event_loop()
outside(loop, "ruc")
ctx = contextvars.copy_context()
ctx.run(var.set, "ruc-caller")
ctx.run(loop.run_until_complete, main("ruc"))
loop.close()
print("end", get())
