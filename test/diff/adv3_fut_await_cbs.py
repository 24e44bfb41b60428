import asyncio

# A future awaited by tasks and carrying plain done callbacks registered before and after the
# tasks' wake-ups: the repr while pending, the order in which callbacks and task steps run,
# callbacks that cancel a waiting task or complete a second future the task awaits next; a task
# cancelled in the iteration in which its future gets its result; remove_done_callback of a
# plain callback while tasks wait.


class Named:
    def __init__(self, name, fn=None):
        self.__qualname__ = name
        self.fn = fn

    def __call__(self, fut):
        print("  cb", self.__qualname__, "cancelled" if fut.cancelled() else "done")
        if self.fn:
            self.fn(fut)


async def waiter(name, fut, nxt=None):
    try:
        v = await fut
        print("  task", name, "got", v)
        if nxt is not None:
            v2 = await nxt
            print("  task", name, "then got", v2)
        return name
    except asyncio.CancelledError as e:
        print("  task", name, "cancelled", repr(str(e)))
        raise


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    g = loop.create_future()
    f.add_done_callback(Named("a"))
    t1 = asyncio.create_task(waiter("t1", f, g), name="t1")
    t2 = asyncio.create_task(waiter("t2", f), name="t2")
    await asyncio.sleep(0)
    f.add_done_callback(Named("b", lambda fut: t2.cancel("by b")))
    f.add_done_callback(Named("c", lambda fut: g.set_result("g-from-c")))
    print("pending:", repr(f))
    f.set_result("F")
    print("after set:", repr(f))
    print("t2 cancel before its wake-up ran:", t2.cancel("first"), t2.cancelling())
    await asyncio.sleep(0)
    print("-- one tick later", t1.done(), t2.done())
    await asyncio.sleep(0)
    for t in (t1, t2):
        print(t.get_name(), "cancelled" if t.cancelled() else t.result())
    try:
        await t2
    except asyncio.CancelledError as e:
        print("await t2:", repr(str(e)))

    print("-- remove a plain callback while a task waits")
    h = loop.create_future()
    x = Named("x")
    h.add_done_callback(x)
    t3 = asyncio.create_task(waiter("t3", h), name="t3")
    await asyncio.sleep(0)
    h.add_done_callback(x)
    print("pending:", repr(h))
    print("removed", h.remove_done_callback(x), repr(h))
    h.cancel("h cancelled")
    print("after cancel:", repr(h))
    try:
        await t3
    except asyncio.CancelledError as e:
        print("await t3:", repr(str(e)), t3.cancelled())

    print("-- a task awaiting a future that a callback of the same future's waiter cancels")
    k = loop.create_future()
    t4 = asyncio.create_task(waiter("t4", k), name="t4")
    await asyncio.sleep(0)
    t4.add_done_callback(Named("t4-done"))
    k.add_done_callback(Named("k1", lambda fut: print("  k1 sees t4 done?", t4.done())))
    k.set_exception(ValueError("kv"))
    try:
        await t4
    except ValueError as e:
        print("await t4:", type(e).__name__, str(e))
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
