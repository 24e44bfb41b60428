import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

def fut(loop, label):
    f = loop.create_future()
    f.label = label
    f.add_done_callback(lambda f: print("  done cb", f.label, state(f)))
    return f

def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return type(f.exception()).__name__ + " " + repr(str(f.exception()))
    return "result " + repr(f.result())

def setres(f, v):
    print("  timer sets", f.label)
    f.set_result(v)

def setexc(f, e):
    print("  timer fails", f.label)
    f.set_exception(e)

def cancel(f, msg=None):
    print("  timer cancels", f.label, "->", f.cancel(msg))

async def run(label, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        print(" ", label, "->", repr(r), "cancelling", asyncio.current_task().cancelling())
        return r
    except asyncio.TimeoutError as e:
        print(" ", label, "-> TimeoutError cause", type(e.__cause__).__name__, "cancelling", asyncio.current_task().cancelling())
    except asyncio.CancelledError as e:
        print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        raise
    except Exception as e:
        print(" ", label, "->", type(e).__name__, repr(str(e)))

async def sleeper(name, d, mode="raise"):
    try:
        await asyncio.sleep(d)
        print("  sleeper", name, "woke")
        return name
    except asyncio.CancelledError as e:
        print("  sleeper", name, "cancelled", repr(str(e)))
        if mode == "swallow":
            return "swallowed-" + name
        raise

async def main():
    loop = asyncio.get_running_loop()

    for order in ("inner first", "timeout first"):
        for how in ("result", "exception", "cancel"):
            print("--", order, how, "in the same iteration")
            f = fut(loop, "f")
            now = loop.time()
            t = asyncio.create_task(run(order + "/" + how, f, 0.02))
            await ticks(1)
            d = 0.005 if order == "inner first" else 0.08
            if how == "result":
                loop.call_at(now + d, setres, f, "F")
            elif how == "exception":
                loop.call_at(now + d, setexc, f, ValueError("F"))
            else:
                loop.call_at(now + d, cancel, f, "fc")
            block(0.1)
            try:
                await t
            except asyncio.CancelledError:
                print("  task cancelled")

    print("-- inner task finishes in the iteration the timeout fires")
    t = asyncio.create_task(run("task", sleeper("s1", 0.005), 0.02))
    await ticks(2)
    block(0.04)
    await t

    print("-- already-cancelled task / future")
    for to in (None, 0, 0.01):
        f = fut(loop, "fc")
        f.cancel("gone")
        try:
            await run("done-cancelled future, timeout " + repr(to), f, to)
        except asyncio.CancelledError:
            print("  propagated")
        st = asyncio.create_task(sleeper("s", 1))
        st.cancel("early")
        await ticks(1)
        try:
            await run("cancelled task, timeout " + repr(to), st, to)
        except asyncio.CancelledError:
            print("  propagated")

    print("-- timeout None: inner cancelled from outside")
    st = asyncio.create_task(sleeper("s2", 1))
    t = asyncio.create_task(run("none", st, None))
    await ticks(1)
    st.cancel("outside")
    try:
        await t
    except asyncio.CancelledError as e:
        print("  outer task cancelled", repr(str(e)), t.cancelling())

    print("-- nested wait_for, both timeouts in the same iteration")
    for inner_to, outer_to in ((0.01, 0.02), (0.02, 0.01)):
        t = asyncio.create_task(run("outer %s" % outer_to, run("inner %s" % inner_to, sleeper("deep", 5), inner_to), outer_to))
        await ticks(2)
        block(0.04)
        await t
        await ticks(3)

    print("-- timeout fires and the waiting task is cancelled in the same iteration")
    f = fut(loop, "f")
    t = asyncio.create_task(run("tc", f, 0.01))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.03, lambda: print("  cancel ->", t.cancel("both")))
    block(0.05)
    try:
        await t
    except asyncio.CancelledError as e:
        print("  task cancelled", repr(str(e)), "cancelling", t.cancelling())

    print("-- inner completes and the waiting task is cancelled in the same iteration")
    f = fut(loop, "f")
    t = asyncio.create_task(run("rc", f, 10))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.005, setres, f, "won")
    loop.call_at(now + 0.01, lambda: loop.call_soon(lambda: print("  cancel ->", t.cancel("lost"))))
    block(0.03)
    r = await t
    print("  task result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling())

    print("-- timeout fires and the swallowing inner returns in the same iteration")
    st = asyncio.create_task(sleeper("sw", 5, "swallow"))
    t = asyncio.create_task(run("sw", st, 0.01))
    await ticks(1)
    now = loop.time()
    loop.call_at(now + 0.03, lambda: print("  cancel inner ->", st.cancel("self")))
    block(0.05)
    await t

    print("-- wait_for of a shield: timeout in the same iteration the shielded task finishes")
    st = asyncio.create_task(sleeper("sh", 0.01))
    t = asyncio.create_task(run("sh", asyncio.shield(st), 0.02))
    await ticks(1)
    block(0.04)
    await t
    print("  shielded", state(st))

asyncio.run(main())
