import asyncio

# Done callbacks that act on futures and tasks: a callback completes another future (its
# callbacks queue behind everything already scheduled); a callback removes the callbacks of a
# still-pending future (they never run) or cancels it; a callback cancels its own done future
# (False) and calls result(); a callback placed before a task's wake-up cancels the task, which
# then gets CancelledError although the future it awaited has a result; one placed after the
# wake-up cancels the task at its next await instead.


async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_future()
    b = loop.create_future()
    c = loop.create_future()

    def b_cb(f):
        print("b_cb", f.result())

    def c_cb(f):
        print("c_cb", f.cancelled())

    def a1(f):
        print("a1: set b; cancel own ->", f.cancel(), "result", f.result())
        b.set_result("from a1")

    def a2(f):
        print("a2: remove c_cb ->", c.remove_done_callback(c_cb), "then cancel c ->", c.cancel("by a2"))

    def a3(f):
        print("a3: b done", b.done(), "c cancelled", c.cancelled())

    b.add_done_callback(b_cb)
    c.add_done_callback(c_cb)
    c.add_done_callback(c_cb)
    for cb in (a1, a2, a3):
        a.add_done_callback(cb)
    loop.call_soon(print, "soon before")
    a.set_result("A")
    loop.call_soon(print, "soon after")
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    print("after two iterations")
    c.add_done_callback(c_cb)
    await asyncio.sleep(0)
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("c.result raised CancelledError", repr(str(e)))

    print("-- cancel a task from a callback queued before its wake-up")
    w = loop.create_future()

    async def waiter(fut, label):
        try:
            v = await fut
            print(label, "got", repr(v))
        except asyncio.CancelledError as e:
            print(label, "cancelled at the await", repr(str(e)))
            try:
                await asyncio.sleep(0)
                print(label, "and keeps going after it")
            except asyncio.CancelledError:
                print(label, "cancelled again")
            return "swallowed"
        try:
            await asyncio.sleep(0)
            print(label, "next await passed")
        except asyncio.CancelledError as e:
            print(label, "cancelled at the next await", repr(str(e)))
            raise
        return "finished"

    def killer(label):
        def kill(f):
            print(label, "cancels task ->", t.cancel("from " + label), "fut", repr(f))
        return kill

    w.add_done_callback(killer("early"))
    t = asyncio.ensure_future(waiter(w, "t"))
    await asyncio.sleep(0)
    w.set_result("w result")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t", t.done(), t.cancelled(), repr(t.result()) if t.done() and not t.cancelled() else "")

    print("-- cancel a task from a callback queued after its wake-up")
    v = loop.create_future()
    t2 = asyncio.ensure_future(waiter(v, "t2"))
    await asyncio.sleep(0)
    v.add_done_callback(killer("late"))
    t = t2
    v.set_result("v result")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("t2 raised CancelledError", repr(str(e)))
    print("t2", t2.done(), t2.cancelled())

    print("-- a callback cancels the future another task awaits, with a message")
    x = loop.create_future()
    y = loop.create_future()
    t3 = asyncio.ensure_future(waiter(y, "t3"))
    await asyncio.sleep(0)
    x.add_done_callback(lambda f: print("x cb cancels y ->", y.cancel("via x")))
    x.set_exception(ValueError("x failed"))
    print("t3 ->", repr(await t3))
    print("x exception", repr(x.exception()), "y", repr(y))
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
