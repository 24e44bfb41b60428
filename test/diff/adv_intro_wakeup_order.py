import asyncio

# The order in which a task's done callbacks and the wake-ups of what awaits it run: plain
# callbacks, two awaiting tasks (each resumes inside its wake-up, before the next callback), a
# gather() of the task given twice (one callback), a wait() task, a callback added last;
# current_task() is None in every done callback.

def cb(tag):
    def f(fut):
        t = asyncio.current_task()
        print("  cb", tag, "current", None if t is None else t.get_name(), "done", fut.done())
    return f

async def work(gate):
    return await gate

async def awaiter(tag, t):
    print("  awaiter", tag, "starts waiting")
    r = await t
    print("  awaiter", tag, "resumed with", r, "current", asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print("  awaiter", tag, "after one more tick")

async def main():
    loop = asyncio.get_running_loop()
    gate = loop.create_future()
    t = asyncio.create_task(work(gate), name="work")
    t.add_done_callback(cb("first"))
    a = asyncio.create_task(awaiter("A", t), name="A")
    await asyncio.sleep(0)
    t.add_done_callback(cb("middle"))
    b = asyncio.create_task(awaiter("B", t), name="B")
    g = asyncio.gather(t, t)
    g.add_done_callback(cb("gather"))
    w = asyncio.create_task(asyncio.wait([t]), name="W")
    w.add_done_callback(cb("wait-task"))
    await asyncio.sleep(0)
    t.add_done_callback(cb("last"))
    loop.call_soon(print, "  soon before result")
    gate.set_result("R")
    loop.call_soon(print, "  soon after result")
    for i in range(6):
        await asyncio.sleep(0)
        print("main tick", i)
    print("gather", await g)
    await a

asyncio.run(main())
