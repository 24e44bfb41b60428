import asyncio
import contextvars

# contextvars across synchronization and hand-offs between tasks: a task woken by another
# (Event.set, Lock release, Condition.notify, Queue.put / get, a future's set_result, a
# Semaphore release, a Barrier) resumes in its own context, not the waker's; a value put in a
# queue carries no context; a done callback a task adds to a future another task completes runs
# in the adder's context (as it was when added: each task sets its value before adding and
# changes nothing afterwards); a timeout's expiry cancels the body in its own context; a task
# created by a callback copies the callback's context; cancelling a task from another task
# leaves each in its own context, also in the except / finally of the cancelled one. Each task
# logs its value at every step. (aionode twin: AsyncLocalStorage, var.set <-> als.enterWith.)

var = contextvars.ContextVar("var")


def get():
    return var.get("<unset>")


log = []
state = {"ready": 0, "go": False}


def note(*a):
    log.append(" ".join(str(x) for x in a))


async def waiter(name, ev, lock, cond, q, fut, sem, barrier):
    var.set(name)
    note(name, "start", get())
    await ev.wait()
    note(name, "after event", get())
    async with lock:
        note(name, "holds lock", get())
        await asyncio.sleep(0)
    note(name, "released lock", get())
    async with cond:
        state["ready"] += 1
        cond.notify_all()
        await cond.wait_for(lambda: state["go"])
        note(name, "notified", get())
    item = await q.get()
    note(name, "got", item, get())
    r = await fut
    note(name, "future", r, get())
    async with sem:
        note(name, "in semaphore", get())
    i = await barrier.wait()
    note(name, "past barrier", get())
    return get()


async def waker(name, ev, lock, cond, q, fut, sem, barrier):
    var.set(name)
    note(name, "start", get())
    async with lock:
        await asyncio.sleep(0)
        ev.set()
        note(name, "set event", get())
        await asyncio.sleep(0)
    async with cond:
        await cond.wait_for(lambda: state["ready"] == 2)
        note(name, "both waiting", get())
        state["go"] = True
        cond.notify_all()
        note(name, "notified all", get())
    await q.put("item-from-" + name)
    await q.put("second-from-" + name)
    await asyncio.sleep(0)
    fut.set_result("res-from-" + name)
    note(name, "set future", get())
    async with sem:
        await asyncio.sleep(0)
    await barrier.wait()
    note(name, "past barrier", get())
    return get()


def on_done(tag):
    def cb(f):
        note("done callback", tag, "sees", get())
        t = asyncio.get_running_loop().create_task(spawned(tag))
        spawned_tasks.append(t)
    return cb


spawned_tasks = []


async def spawned(tag):
    note("task spawned by callback", tag, "sees", get())


async def adder(name, fut):
    var.set(name)
    fut.add_done_callback(on_done(name))
    await asyncio.sleep(0)
    note(name, "after adding", get())


async def sleeper(name):
    var.set(name)
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        note(name, "cancelled, in except", get())
        var.set(name + "-except")
        raise
    finally:
        note(name, "finally", get())


async def timed(name):
    var.set(name)
    try:
        async with asyncio.timeout(0.05):
            var.set(name + "-in-timeout")
            await asyncio.sleep(10)
    except TimeoutError:
        note(name, "timed out", get())
    return get()


async def main():
    var.set("main")
    loop = asyncio.get_running_loop()
    ev, lock, cond, q = asyncio.Event(), asyncio.Lock(), asyncio.Condition(), asyncio.Queue()
    fut, sem, barrier = loop.create_future(), asyncio.Semaphore(1), asyncio.Barrier(3)
    args = (ev, lock, cond, q, fut, sem, barrier)
    ts = [asyncio.create_task(waiter("w1", *args)), asyncio.create_task(waiter("w2", *args)),
          asyncio.create_task(waker("k", *args))]
    print("results:", await asyncio.gather(*ts))
    print("main after gather:", get())

    f2 = loop.create_future()
    a1 = asyncio.create_task(adder("a1", f2))
    a2 = asyncio.create_task(adder("a2", f2))
    await asyncio.sleep(0)
    var.set("main-completes")
    f2.set_result(None)
    await asyncio.gather(a1, a2)
    await asyncio.gather(*spawned_tasks)

    s = asyncio.create_task(sleeper("s"))
    await asyncio.sleep(0)
    var.set("main-cancels")
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        note("main", "saw s cancelled", get())
    print("timed:", await asyncio.create_task(timed("tm")))
    print("main end:", get())


asyncio.run(main())
for line in log:
    print(line)
