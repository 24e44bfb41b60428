import asyncio


def make_cb(name):
    def cb(fut):
        if fut.cancelled():
            print("cb", name, "sees cancelled")
        else:
            print("cb", name, "sees", repr(fut.result()))
    return cb


async def child():
    await asyncio.sleep(0)
    return "child-result"


async def main():
    loop = asyncio.get_running_loop()
    a, b, c = make_cb("a"), make_cb("b"), make_cb("c")

    f = loop.create_future()
    f.add_done_callback(a)
    f.add_done_callback(b)
    f.add_done_callback(a)
    f.add_done_callback(c)
    f.add_done_callback(b)
    print("remove b ->", f.remove_done_callback(b))
    print("remove b again ->", f.remove_done_callback(b))
    print("remove never added ->", f.remove_done_callback(make_cb("x")))
    loop.call_soon(print, "soon before set")
    f.set_result("R")
    loop.call_soon(print, "soon after set")
    print("set_result returned; no callback ran yet")
    await asyncio.sleep(0)
    print("main after sleep(0)")

    f.add_done_callback(make_cb("late"))
    print("remove a after done ->", f.remove_done_callback(a))
    print("late callback scheduled")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

    g = loop.create_future()
    g.add_done_callback(c)
    g.add_done_callback(a)
    print("remove c ->", g.remove_done_callback(c))
    g.cancel()
    print("cancelled g")
    await asyncio.sleep(0)

    t = asyncio.create_task(child())
    t.add_done_callback(make_cb("task1"))
    t.add_done_callback(make_cb("task2"))
    r = await t
    print("main awaited task", r)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
