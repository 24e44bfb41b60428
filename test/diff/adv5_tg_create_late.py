import asyncio

# tg.create_task() at the edges of a TaskGroup's life: from a child while the group waits in its
# exit (allowed, the new task is waited for too), from a child's done callback that runs after the
# group's own (the last task gone: "is finished" although the exit has not returned), while the
# group aborts ("is shutting down"), after the group finished cleanly or with errors ("is
# finished", the repr in the message), and a non-coroutine argument.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def leaf(name, n=1):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  leaf", name, "done")
    return name

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(msg)

def try_create(tg, label, coro_fn, *args):
    coro = coro_fn(*args)
    try:
        t = tg.create_task(coro, name=label)
        print("  created", label, repr(tg))
        return t
    except RuntimeError as e:
        coro.close()
        print("  RuntimeError", label, repr(str(e)))
        return None

async def spawner(tg, n):
    for i in range(n):
        await asyncio.sleep(0)
    try_create(tg, "spawned", leaf, "spawned", 2)
    return "spawner"

async def spawn_on_cancel(tg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  spawner cancelled", repr(tg))
        try_create(tg, "spawned-in-abort", leaf, "x")
        raise

async def main():
    holder = {}
    print("-- a child adds a task while the group waits in its exit")
    async with asyncio.TaskGroup() as tg:
        holder["ok"] = tg
        tg.create_task(spawner(tg, 1), name="sp")
        print("  body ends", repr(tg))
    print("  exited", repr(tg))

    print("-- after the group finished cleanly")
    try_create(holder["ok"], "late", leaf, "late")

    print("-- from a child's done callback, the child being the last one")
    def on_done(t):
        print("  done callback of", t.get_name(), repr(tg2))
        try_create(tg2, "from-cb", leaf, "from-cb")
    async with asyncio.TaskGroup() as tg2:
        c = tg2.create_task(leaf("only", 1), name="only")
        c.add_done_callback(on_done)
    print("  exited", repr(tg2))

    print("-- from a child's done callback, other children still running")
    def on_done3(t):
        print("  done callback of", t.get_name(), repr(tg3))
        try_create(tg3, "from-cb3", leaf, "from-cb3")
    async with asyncio.TaskGroup() as tg3:
        c = tg3.create_task(leaf("first", 1), name="first")
        c.add_done_callback(on_done3)
        tg3.create_task(leaf("second", 3), name="second")
    print("  exited", repr(tg3))

    print("-- while the group aborts")
    try:
        async with asyncio.TaskGroup() as tg4:
            holder["bad"] = tg4
            tg4.create_task(fail(1, "boom"), name="f")
            tg4.create_task(leaf("slow", 5), name="slow")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  body cancelled", repr(tg4))
            try_create(tg4, "in-abort", leaf, "in-abort")
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("-- after the group finished with errors")
    try_create(holder["bad"], "late2", leaf, "late2")

    print("-- a child spawning after a sibling failed")
    try:
        async with asyncio.TaskGroup() as tg5:
            tg5.create_task(fail(1, "first"), name="f")
            tg5.create_task(spawn_on_cancel(tg5), name="sp")
    except ExceptionGroup as eg:
        print("  group", desc(eg))

    print("-- not a coroutine")
    async with asyncio.TaskGroup() as tg6:
        for bad in (None, 42):
            try:
                tg6.create_task(bad)
            except TypeError as e:
                print("  TypeError", type(bad).__name__, repr(tg6))
    print("  exited", repr(tg6))
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
