import asyncio

# gather(...).cancel(msg) over a mix of children: a shield of a task (the shield's outer is
# cancelled, the task runs on), a plain task, a pending future, a done future, and a task that
# swallows the cancellation and returns; in different argument orders, so that a different
# child completes last. Without return_exceptions the first cancelled child decides; with it,
# gather's outcome is the CancelledError of the last child to complete (its message, or none
# when that child returned a value); what each child saw, the awaiting task's view and
# cancelling(), and the shielded task's end once the children's gate opens.


async def child(label, mode, gate):
    me = asyncio.current_task()
    f = asyncio.get_running_loop().create_future()
    gate.append(f)
    try:
        await f
    except asyncio.CancelledError as e:
        print("    child", label, "caught", repr(str(e)), "cancelling", me.cancelling())
        if mode == "swallow":
            await asyncio.sleep(0)
            return "swallowed"
        raise
    print("    child", label, "finished")
    return label


def end(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        try:
            f.result()
        except asyncio.CancelledError as e:
            return "cancelled " + repr(str(e))
    if f.exception() is not None:
        return "exception " + type(f.exception()).__name__ + " " + repr(str(f.exception()))
    return "result " + repr(f.result())


async def holder(g):
    me = asyncio.current_task()
    try:
        r = await g
        print("    holder got", r)
    except asyncio.CancelledError as e:
        print("    holder CancelledError", repr(str(e)), "cancelling", me.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    orders = [
        ("shield", "task", "future", "done", "swallow"),
        ("swallow", "done", "future", "task", "shield"),
        ("future", "shield", "swallow", "task"),
        ("done", "swallow"),
        ("shield", "future"),
    ]
    for rx in (False, True):
        for order in orders:
            print("--", "return_exceptions" if rx else "plain", order)
            kids = {}
            args = []
            inner = None
            gate = []
            for k in order:
                if k == "shield":
                    inner = asyncio.create_task(child("shielded", "raise", gate))
                    a = asyncio.shield(inner)
                elif k == "task":
                    a = asyncio.create_task(child("task", "raise", gate))
                elif k == "future":
                    a = loop.create_future()
                elif k == "done":
                    a = loop.create_future()
                    a.set_result("done")
                else:
                    a = asyncio.create_task(child("swallow", "swallow", gate))
                kids[k] = a
                args.append(a)
            g = asyncio.gather(*args, return_exceptions=rx)
            h = asyncio.create_task(holder(g))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            print("  cancel ->", g.cancel("gm"))
            for _ in range(5):
                await asyncio.sleep(0)
            print("  gather", end(g), "holder done", h.done())
            for k in order:
                print("   ", k, end(kids[k]))
            for f in gate:
                if not f.done():
                    f.set_result("open")
            if inner is not None:
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                print("    shielded task", end(inner))
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
