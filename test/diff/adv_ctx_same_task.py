import asyncio
import contextvars

# contextvars inside one task: awaited coroutines, timeout / TaskGroup / lock bodies run in the
# task's own context, so a set inside them (before or after an await, also on the way out with
# an exception or a timeout) is seen by the code after them; a task made inside such a body
# copies the value current there. (aionode twin: AsyncLocalStorage with generator coroutines,
# which run in their task's context; async functions cannot express this, see the README.)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

async def setter(value, before_await):
    if before_await:
        var.set(value)
        await asyncio.sleep(0)
    else:
        await asyncio.sleep(0)
        var.set(value)
    return get()

async def deep(n):
    if n == 0:
        await asyncio.sleep(0)
        var.set("deep-bottom")
        return get()
    r = await deep(n - 1)
    return f"{n}:{r}:{get()}"

async def failing(value):
    await asyncio.sleep(0)
    var.set(value)
    raise KeyError(value)

async def peek():
    return get()

async def main():
    var.set("m")
    print("setter before await ->", await setter("s1", True), "caller", get())
    print("setter after await ->", await setter("s2", False), "caller", get())
    print("deep ->", await deep(3), "caller", get())
    try:
        await failing("f1")
    except KeyError as e:
        print("failing raised", repr(e), "caller", get())
    async with asyncio.timeout(5):
        await asyncio.sleep(0)
        var.set("in-timeout")
    print("after timeout body", get())
    try:
        async with asyncio.timeout(0.01):
            var.set("timing-out")
            await asyncio.sleep(5)
    except TimeoutError:
        print("after expired timeout body", get())
    async with asyncio.TaskGroup() as tg:
        var.set("in-taskgroup")
        t = tg.create_task(peek())
        await asyncio.sleep(0)
        var.set("in-taskgroup-2")
    print("after taskgroup body", get(), "child saw", t.result())
    lock = asyncio.Lock()
    async with lock:
        await asyncio.sleep(0)
        var.set("in-lock")
    print("after lock body", get())
    sem = asyncio.Semaphore(1)
    async with sem:
        var.set("in-semaphore")
    print("after semaphore body", get())
    # a task made after a nested set copies it; its own set stays inside it
    await setter("s3", False)
    async def own():
        before = get()
        await setter("own", True)
        return before, get()
    print("own task ->", await asyncio.create_task(own()), "caller", get())
    return get()

var.set("top")
print("run ->", asyncio.run(main()), "outside", get())
