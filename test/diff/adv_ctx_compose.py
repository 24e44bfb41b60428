import asyncio
import contextvars

# contextvars through the composition functions: the tasks gather / wait_for / shield /
# ensure_future / TaskGroup.create_task / run_until_complete make from coroutines copy the
# context current at that call; a child's set reaches neither the caller nor its siblings; the
# caller's set after the call is not seen by children already made (wait_for makes its task when
# awaited); a TaskGroup child made after the body changed the value sees the new value. (aionode twin: AsyncLocalStorage.)

var = contextvars.ContextVar("var")

def get():
    return var.get("<unset>")

async def child(label, log, ticks=1, fail=False):
    log.append(f"{label} start {get()}")
    var.set(f"{label}-own")
    for _ in range(ticks):
        await asyncio.sleep(0)
    log.append(f"{label} end {get()}")
    if fail:
        raise ValueError(label)
    return get()

async def slow(log):
    log.append(f"slow start {get()}")
    var.set("slow-own")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append(f"slow cancelled {get()}")
        raise

def flush(title, log):
    print(title)
    for line in log:
        print("  ", line)
    log.clear()

async def main():
    log = []
    var.set("g")
    aw = asyncio.gather(child("ga", log), child("gb", log, 2))
    var.set("after-gather-call")
    print("gather ->", await aw, "caller", get())
    flush("gather", log)

    var.set("gr")
    r = await asyncio.gather(child("ok", log), child("bad", log, fail=True), return_exceptions=True)
    print("gather return_exceptions ->", [repr(x) for x in r], "caller", get())
    flush("gather return_exceptions", log)

    var.set("w")
    print("wait_for ->", await asyncio.wait_for(child("wf", log, 2), 5), "caller", get())
    flush("wait_for", log)

    # wait_for is a coroutine: its task is made when it is awaited, in the context current then;
    # gather makes its tasks at the call
    var.set("at-call")
    w = asyncio.wait_for(child("lazy", log), 5)
    g = asyncio.gather(child("eager", log))
    var.set("at-await")
    print("lazy wait_for ->", await w, "eager gather ->", await g, "caller", get())
    flush("made at await / at call", log)

    var.set("s")
    print("shield ->", await asyncio.shield(child("sh", log)), "caller", get())
    flush("shield", log)

    var.set("e")
    f = asyncio.ensure_future(child("ef", log))
    var.set("after-ensure_future")
    print("ensure_future ->", await f, "caller", get())
    flush("ensure_future", log)

    var.set("tg")
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child("t1", log, 2))
        var.set("tg-body")
        t2 = tg.create_task(child("t2", log))
        await asyncio.sleep(0)
        log.append(f"body after sleep {get()}")
        var.set("tg-body-2")
        t3 = tg.create_task(child("t3", log))
    print("taskgroup ->", t1.result(), t2.result(), t3.result())
    flush("taskgroup", log)

    # nested: a gather inside a gathered child copies that child's value
    async def outer(label):
        var.set(label)
        return await asyncio.gather(child(f"{label}.x", log), child(f"{label}.y", log))
    var.set("n")
    print("nested ->", await asyncio.gather(outer("o1"), outer("o2")), "caller", get())
    flush("nested", log)

    # failing wait_for: the timeout leaves the caller's value alone
    var.set("to")
    try:
        await asyncio.wait_for(slow(log), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out, caller", get())
    flush("wait_for timeout", log)
    return get()

var.set("top")
loop = asyncio.new_event_loop()
log = []
print("run_until_complete child ->", loop.run_until_complete(child("ruc", log)), "outside", get())
flush("run_until_complete", log)
print("main ->", loop.run_until_complete(main()), "outside", get())
loop.close()
