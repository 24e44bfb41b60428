import asyncio

# A task's done callbacks against the other things that wait on it: a callback added before an
# awaiting task starts waiting and one added after, gather()'s and shield()'s callbacks, a
# callback the task adds to itself while it runs, one added twice and removed (remove returns
# 2) before the end; what the callbacks see (state, result or the CancelledError's message,
# cancelling()); removing a callback that is already scheduled (returns 0 and it still runs);
# a callback added from a callback (it runs after the ones already queued); a callback that
# cancels another task, whose callbacks then run a step later; a task cancelled before its
# first step.

order = []


def cb(label):
    def f(t):
        if t.cancelled():
            try:
                t.result()
            except asyncio.CancelledError as e:
                what = "cancelled " + repr(str(e))
        elif t.exception() is not None:
            what = "exception " + repr(t.exception())
        else:
            what = "result " + repr(t.result())
        order.append(label)
        print("    cb", label, what, "cancelling", t.cancelling())
    f.__name__ = label
    return f


async def work(v, pause=0.01):
    me = asyncio.current_task()
    me.add_done_callback(cb("self-added"))
    await asyncio.sleep(pause)
    return v


async def awaiter(label, t):
    try:
        r = await t
        order.append(label)
        print("    awaiter", label, "got", repr(r))
    except asyncio.CancelledError as e:
        order.append(label)
        print("    awaiter", label, "CancelledError", repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()
    print("-- ordering against awaiters, gather and shield")
    t = asyncio.create_task(work("T"), name="T")
    t.add_done_callback(cb("before"))
    twice = cb("twice")
    t.add_done_callback(twice)
    t.add_done_callback(twice)
    w1 = asyncio.create_task(awaiter("w1", t))
    await asyncio.sleep(0)
    t.add_done_callback(cb("after-w1"))
    g = asyncio.gather(t)
    g.add_done_callback(lambda _: print("    gather outer done"))
    s = asyncio.shield(t)
    s.add_done_callback(lambda _: print("    shield outer done"))
    w2 = asyncio.create_task(awaiter("w2", t))
    await asyncio.sleep(0)
    print("  remove twice ->", t.remove_done_callback(twice), "again ->", t.remove_done_callback(twice))
    await asyncio.gather(w1, w2)
    await asyncio.sleep(0)
    print("  order", order)

    print("-- removal of a scheduled callback, a callback adding one, a callback cancelling")
    order.clear()
    f = loop.create_future()
    victim = asyncio.create_task(awaiter("victim", f), name="V")
    victim.add_done_callback(cb("victim-cb"))
    t = asyncio.create_task(work("U", 0), name="U")
    late = cb("late")

    def remover(u):
        print("    remover: remove late ->", u.remove_done_callback(late))
        u.add_done_callback(cb("added-in-cb"))
        print("    remover: cancel victim ->", victim.cancel("from a callback"))

    t.add_done_callback(remover)
    t.add_done_callback(late)
    await t
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  order", order)

    print("-- cancelled before its first step")
    order.clear()
    t = asyncio.create_task(work("never"), name="N")
    t.add_done_callback(cb("n1"))
    print("  cancel ->", t.cancel("early"), "cancelling", t.cancelling())
    t.add_done_callback(cb("n2"))
    w = asyncio.create_task(awaiter("n-awaiter", t))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  order", order, "awaiter done", w.done())
    t.add_done_callback(cb("n3-after-done"))
    print("  remove n3 right away ->", t.remove_done_callback(cb("x")), "(another function)")
    await asyncio.sleep(0)
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
