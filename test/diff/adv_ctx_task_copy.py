import asyncio
import contextvars

# contextvars and tasks: a task runs in a copy of the context it was created in. A value set
# before create_task is seen inside the task; the creator's later set is not; a set inside a task
# lasts across its awaits but reaches neither the creator nor its siblings; a grandchild copies
# its parent's value at its own creation; asyncio.run's main task sees what was set before run()
# and its own sets stay inside it. (aionode twin: AsyncLocalStorage, var.set <-> als.enterWith,
# Context.run(f) <-> als.run(value, f).)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

async def child(label, log, gate=None):
    log.append(f"{label} start {get()}")
    var.set(label)
    await asyncio.sleep(0)
    log.append(f"{label} after sleep {get()}")
    if gate is not None:
        await gate
        log.append(f"{label} after gate {get()}")
    return get()

async def grand_parent(log):
    var.set("parent-1")
    g1 = asyncio.create_task(grandchild("g1", log))
    await asyncio.sleep(0)
    var.set("parent-2")
    g2 = asyncio.create_task(grandchild("g2", log))
    await asyncio.gather(g1, g2)
    log.append(f"parent end {get()}")

async def grandchild(label, log):
    log.append(f"{label} sees {get()}")
    await asyncio.sleep(0)
    log.append(f"{label} later {get()}")

async def peek():
    return get()

async def schedule(loop, fn):
    loop.call_soon(fn)

async def main(tag):
    print(tag, "main start", get())
    var.set(f"{tag}-m1")
    loop = asyncio.get_running_loop()
    log = []
    gate = loop.create_future()
    t1 = asyncio.create_task(child("c1", log, gate))
    t2 = asyncio.create_task(child("c2", log))
    var.set(f"{tag}-m2")
    print(tag, "main after creating", get())
    await asyncio.sleep(0)
    print(tag, "main after one tick", get())
    await asyncio.sleep(0)
    gate.set_result(None)
    print(tag, "c1 ->", await t1, "c2 ->", await t2)
    for line in log:
        print(tag, " ", line)
    print(tag, "main after children", get())
    log.clear()
    await asyncio.create_task(grand_parent(log))
    for line in log:
        print(tag, " ", line)
    print(tag, "main after grand_parent", get())
    # A task created inside Context.run of another context sees that context's values.
    ctx = contextvars.copy_context()
    ctx.run(var.set, f"{tag}-other")
    t3 = ctx.run(asyncio.create_task, child("c3", log))
    print(tag, "c3 ->", await t3, "main still", get())
    # a task created from a callback runs in the callback's context (the callback is scheduled
    # by a task created in another context)
    done = loop.create_future()
    def spawn():
        t = asyncio.create_task(child("c4", log))
        t.add_done_callback(lambda f: done.set_result(f.result()))
    ctx2 = contextvars.copy_context()
    ctx2.run(var.set, f"{tag}-cb")
    await ctx2.run(asyncio.create_task, schedule(loop, spawn))
    print(tag, "c4 ->", await done, "main still", get())
    print(tag, "log tail", log[-4:])
    # a value set after the task awaited, then a new task: it copies the current value
    await asyncio.sleep(0)
    var.set(f"{tag}-late")
    print(tag, "peek ->", await asyncio.create_task(peek()), "main", get())
    return get()

print("before run", get())
var.set("outer")
print("run 1 ->", asyncio.run(main("r1")))
print("after run 1", get())
print("run 2 ->", asyncio.run(main("r2")))
print("after run 2", get())
