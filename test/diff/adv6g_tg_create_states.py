import asyncio

# tg.create_task() from places the body does not expect: the body's own CancelledError handler
# after an outside cancel (allowed: the group is not aborting yet; the new task is cancelled by
# the exit before its first step), an unrelated task adding to the group while it waits in its
# exit, a child's done callback while the group aborts, a task created during the abort by a
# sibling that failed; the group's repr (tasks=, errors=, cancelling) at each point and in the
# RuntimeError messages.

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    if isinstance(e, asyncio.CancelledError):
        return "CancelledError%r" % (e.args,)
    return "%s(%r)" % (type(e).__name__, str(e))

async def leaf(name, n=1):
    print("  leaf", name, "started")
    for _ in range(n):
        await asyncio.sleep(0)
    print("  leaf", name, "done")
    return name

async def fail(n, msg):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(msg)

def try_create(tg, label, n=1):
    coro = leaf(label, n)
    try:
        t = tg.create_task(coro, name=label)
        print("  created", label, repr(tg))
        return t
    except RuntimeError as e:
        coro.close()
        print("  RuntimeError", label, repr(str(e)))
        return None

async def in_cancel_handler():
    holder = {}
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("first", 3))
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("  body cancelled", repr(tg))
            holder["t"] = try_create(tg, "in-handler")
            raise
    return "unreached"

async def outsider(tg, n):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  outsider adds", repr(tg))
    t = try_create(tg, "from-outsider", 2)
    return t

async def failing_spawner(tg):
    await asyncio.sleep(0)
    try_create(tg, "before-fail")
    raise KeyError("spawner")

async def main():
    print("-- create_task in the body's CancelledError handler")
    t = asyncio.create_task(in_cancel_handler())
    await asyncio.sleep(0)
    t.cancel("outside")
    try:
        await t
    except asyncio.CancelledError as e:
        print("  parent", desc(e))

    print("-- an unrelated task adds while the group waits in its exit")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("member", 3))
        o = asyncio.create_task(outsider(tg, 1))
        print("  body ends", repr(tg))
    print("  exited", repr(tg))
    added = await o
    print("  outsider's task done", added.done(), added.result())
    try_create(tg, "late")

    print("-- done callback of a failing child while the group aborts")
    def on_done(task):
        print("  done callback", repr(tg2))
        try_create(tg2, "from-cb")
    try:
        async with asyncio.TaskGroup() as tg2:
            f = tg2.create_task(fail(1, "boom"))
            f.add_done_callback(on_done)
            tg2.create_task(leaf("slow", 4))
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("  after", repr(tg2))

    print("-- a child creates a sibling, then fails")
    try:
        async with asyncio.TaskGroup() as tg3:
            tg3.create_task(failing_spawner(tg3))
            await asyncio.sleep(0)
            print("  body sees", repr(tg3))
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("  after", repr(tg3))

    print("-- the group's repr with errors pending")
    try:
        async with asyncio.TaskGroup() as tg4:
            tg4.create_task(fail(1, "e1"))
            tg4.create_task(fail(1, "e2"))
            tg4.create_task(leaf("l", 5))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                await asyncio.sleep(0)
                print("  body sees", repr(tg4))
                try_create(tg4, "x")
                raise
    except ExceptionGroup as eg:
        print("  group", desc(eg))
    print("-- loop still works", await asyncio.sleep(0, "yes"))

asyncio.run(main())
