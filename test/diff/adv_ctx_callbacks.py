import asyncio
import contextvars

# contextvars and loop callbacks: call_soon / call_later / call_at run in the context of the point
# that scheduled them; from outside the loop that is the context given (Context.run), from a task
# its context, from a callback the callback's. Done callbacks run in the context of the code
# that added them. A task created in a callback copies the callback's context. (aionode twin:
# AsyncLocalStorage; the tasks do not change their value between scheduling a callback and its
# run, which is where aionode differs: see the README.)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

def in_ctx(value, fn, *args):
    ctx = contextvars.copy_context()
    ctx.run(var.set, value)
    return ctx.run(fn, *args)

log = []

def note(label):
    log.append(f"{label}: {get()}")

async def worker(label, fut, gate):
    note(f"{label} start")
    var.set(label)
    loop = asyncio.get_running_loop()
    loop.call_soon(note, f"{label} call_soon")
    loop.call_later(0.001, note, f"{label} call_later")
    fut.add_done_callback(lambda f: note(f"{label} done cb of shared future"))
    def hop():
        note(f"{label} hop 1")
        loop.call_soon(note, f"{label} hop 2")
    loop.call_soon(hop)
    await gate
    note(f"{label} after gate")
    return get()

async def spawner_cb_target(label):
    note(f"{label} task start")
    await asyncio.sleep(0)
    var.set(f"{label}-changed")
    return get()

async def main():
    loop = asyncio.get_running_loop()
    note("main start")
    fut = loop.create_future()
    gate = loop.create_future()
    a = in_ctx("A", asyncio.create_task, worker("wa", fut, gate))
    b = in_ctx("B", asyncio.create_task, worker("wb", fut, gate))
    await asyncio.sleep(0)
    fut.set_result(None)
    await asyncio.sleep(0.005)
    gate.set_result(None)
    note(f"results {await a} {await b}")
    # a task created in a done callback (added from outside the loop, in context D) copies the
    # callback's context; its set stays inside it
    trigger.set_result(None)
    note(f"spawned -> {await done}")
    # a done callback added to a task by another task sees its adder's context
    async def adder(t):
        var.set("adder")
        t.add_done_callback(lambda t: note("added by adder"))
    target = asyncio.create_task(asyncio.sleep(0.002))
    await asyncio.create_task(adder(target))
    target.add_done_callback(lambda t: note("added by main"))
    await target
    await asyncio.sleep(0)
    note("main end")

def spawn(f):
    note("spawn cb")
    t = asyncio.create_task(spawner_cb_target("spawned"))
    t.add_done_callback(lambda t: done.set_result(t.result()))
    note("spawn cb after create_task")

def setup(loop):
    # scheduled from outside the loop, in given contexts
    in_ctx("S1", loop.call_soon, note, "outside call_soon")
    in_ctx("S2", loop.call_later, 0.003, note, "outside call_later")
    in_ctx("S3", loop.call_at, loop.time() + 0.004, note, "outside call_at")
    loop.call_soon(note, "outside plain")
    global trigger, done
    trigger = loop.create_future()
    done = loop.create_future()
    in_ctx("D", trigger.add_done_callback, spawn)

var.set("top")
loop = asyncio.new_event_loop()
setup(loop)
loop.run_until_complete(main())
loop.close()
# sorted: what is checked here is each callback's context, not the order timers and ready
# callbacks interleave in (which depends on timing)
for line in sorted(log):
    print(line)
print("end", get())
