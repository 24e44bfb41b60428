import asyncio
import contextvars

# contextvars: a callback runs in a copy of the context it was scheduled in (call_soon,
# call_later, add_done_callback): a set by the scheduling task after scheduling is not seen by
# it, and its own set reaches neither that task nor the other callbacks. (aionode twins: with
# trackAsyncTasks(true), which gives every callback its own copy; without it, callbacks a
# generator step schedules share its context: see the README.)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

log = []

def note(label):
    log.append(f"{label}: {get()}")

def setter(label, value):
    note(f"{label} before set")
    var.set(value)
    note(f"{label} after set")

async def worker(label):
    loop = asyncio.get_running_loop()
    var.set(f"{label}-1")
    loop.call_soon(note, f"{label} call_soon")
    loop.call_later(0.001, note, f"{label} call_later")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: note(f"{label} done cb"))
    loop.call_soon(setter, f"{label} setter", f"{label}-by-callback")
    loop.call_soon(note, f"{label} after setter")
    var.set(f"{label}-2")
    fut.set_result(None)
    me = asyncio.current_task()
    me.add_done_callback(lambda t: note(f"{label} own done cb"))
    await asyncio.sleep(0)
    note(f"{label} task after one tick")
    var.set(f"{label}-3")
    await asyncio.sleep(0.005)
    note(f"{label} task end")

async def main():
    var.set("main")
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(worker("b"))
    await asyncio.gather(a, b)
    await asyncio.sleep(0)
    note("main end")

var.set("top")
asyncio.run(main())
# sorted: the subject is each callback's context, not the interleaving of timers
for line in sorted(log):
    print(line)
