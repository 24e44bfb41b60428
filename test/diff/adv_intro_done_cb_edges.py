import asyncio

# Done callbacks once the future is done: they were scheduled (one call_soon each) when it
# completed, so remove_done_callback() afterwards finds nothing (0) and they still run; one added
# to a done future is scheduled at once and cannot be removed; removing callbacks of a pending
# future from another future's callback counts every copy; cancel() after set_result is False.


def mk(name, action=None):
    def cb(fut):
        print("cb", name, "runs")
        if action:
            action(fut)
    cb.__qualname__ = name
    return cb

async def main():
    loop = asyncio.get_running_loop()
    a, b, c = mk("a"), mk("b"), mk("c")
    # removal after set_result: callbacks were already scheduled
    f = loop.create_future()
    f.add_done_callback(a); f.add_done_callback(b); f.add_done_callback(b)
    f.set_result(1)
    print("remove b after set ->", f.remove_done_callback(b))
    await asyncio.sleep(0)
    print("-- 2")
    # a callback removing a later one of the same future while they run
    g = loop.create_future()
    g.add_done_callback(mk("first", lambda fut: print("  first removes c ->", fut.remove_done_callback(c))))
    g.add_done_callback(c)
    g.set_result(2)
    await asyncio.sleep(0)
    print("-- 3")
    # a callback adding another one to its (done) future: runs in the next iteration
    h = loop.create_future()
    def adder(fut):
        print("  adder adds late")
        fut.add_done_callback(mk("late"))
        loop.call_soon(print, "  soon from adder")
    h.add_done_callback(mk("adder", adder))
    h.add_done_callback(mk("after-adder"))
    h.set_result(3)
    await asyncio.sleep(0)
    print("-- after one tick")
    await asyncio.sleep(0)
    print("-- 4")
    # added to a done future: scheduled at once, removal returns 0 and it still runs
    k = loop.create_future()
    k.set_result(4)
    k.add_done_callback(a)
    loop.call_soon(print, "  soon after add")
    print("remove a from done ->", k.remove_done_callback(a))
    await asyncio.sleep(0)
    print("-- 5")
    # remove inside a callback of another future before set
    m = loop.create_future()
    n = loop.create_future()
    m.add_done_callback(mk("m-cb", lambda fut: print("  m-cb removes b from n ->", n.remove_done_callback(b), "and sets n") or n.set_result(5)))
    n.add_done_callback(b); n.add_done_callback(c); n.add_done_callback(b)
    m.set_result(0)
    await asyncio.sleep(0)
    print("-- after one tick")
    await asyncio.sleep(0)
    print("-- 6 cancel after callbacks scheduled")
    p = loop.create_future()
    p.add_done_callback(mk("p-cb", lambda fut: print("  p cancelled?", fut.cancelled())))
    p.set_result(6)
    print("cancel done p ->", p.cancel())
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
