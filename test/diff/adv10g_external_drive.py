import asyncio

# A task's generator (a raw generator object, which asyncio 3.11's tasks take) driven from
# outside while the task waits on a future inside it: main throws into it (get_coro().throw()),
# closes it, or sends into it. The generator runs those bits of its body in main's step
# (current_task() says so). A throw it catches sends it on to its next future, which throw()
# returns to main, marked as awaited; when the task's own future completes, the task resumes the
# generator inside that other future's await, which is still pending: "await wasn't used with
# future" is raised there (caught, the generator goes on). A close() runs the finally clause in
# main, and the task later resumes a finished generator: it ends with None. A throw the
# generator does not catch reaches main, and the task ends with None too. A send() while the
# task waits yields the same future again (now marked), so a third task awaiting that future
# directly gets "await wasn't used with future" at once, and after it is done, its result. A task
# cancelled after an outside throw moved its generator on: the cancellation reaches the future
# the task waits on, and the CancelledError lands at the generator's current await.

it = [0]


def name():
    t = asyncio.current_task()
    return t.get_name() if t is not None else None


async def clock(stop):
    while not stop.done():
        print("-- iteration", it[0])
        it[0] += 1
        await asyncio.sleep(0)


def body(tag, futs):
    print("  ", tag, "starts in", name())
    try:
        got = []
        for i, f in enumerate(futs):
            try:
                r = yield from f
                print("  ", tag, "round", i, "got", repr(r), "in", name())
                got.append(r)
            except ValueError as e:
                print("  ", tag, "round", i, "caught ValueError", repr(str(e)), "in", name())
            except RuntimeError as e:
                print("  ", tag, "round", i, "caught RuntimeError", repr(str(e)), "in", name())
        print("  ", tag, "returns", got, "in", name())
        return got
    finally:
        print("  ", tag, "finally in", name())


async def outcome(t):
    try:
        r = await t
        print(t.get_name(), "result", repr(r))
    except asyncio.CancelledError as e:
        print(t.get_name(), "cancelled", repr(str(e)))
    except Exception as e:
        print(t.get_name(), "failed", type(e).__name__, repr(str(e)))


def setter(f, v):
    if not f.done():
        print("  set", v)
        f.set_result(v)


async def direct(f):
    try:
        r = await f
        print("   direct await got", repr(r), "in", name())
    except RuntimeError as e:
        print("   direct await RuntimeError", repr(str(e)), "in", name())


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== throw() caught: the generator moves on behind the task's back")
    futs = [loop.create_future() for _ in range(3)]
    t = asyncio.create_task(body("t1", futs), name="T1")
    await asyncio.sleep(0)
    nxt = t.get_coro().throw(ValueError("from main"))
    print("throw returned futs[1]:", nxt is futs[1], "T1 done", t.done())
    loop.call_soon(setter, futs[0], "a")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("T1 done", t.done())
    loop.call_soon(setter, futs[1], "b")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("T1 done", t.done())
    loop.call_soon(setter, futs[2], "c")
    await outcome(t)

    print("== close(): the finally runs in main, the task ends with None")
    futs = [loop.create_future() for _ in range(2)]
    t = asyncio.create_task(body("t2", futs), name="T2")
    await asyncio.sleep(0)
    t.get_coro().close()
    print("closed; T2 done", t.done())
    loop.call_soon(setter, futs[0], "a")
    await outcome(t)
    print("futs[1] untouched:", futs[1].done())

    print("== throw() not caught: it reaches main")
    futs = [loop.create_future() for _ in range(2)]
    t = asyncio.create_task(body("t3", futs), name="T3")
    await asyncio.sleep(0)
    try:
        t.get_coro().throw(KeyError("k"))
    except KeyError as e:
        print("main got KeyError", repr(e.args[0]))
    loop.call_soon(setter, futs[0], "a")
    await outcome(t)

    print("== send() while the task waits")
    futs = [loop.create_future() for _ in range(2)]
    t = asyncio.create_task(body("t4", futs), name="T4")
    await asyncio.sleep(0)
    again = t.get_coro().send("ignored")
    print("send returned futs[0] again:", again is futs[0])
    await asyncio.create_task(direct(futs[0]), name="D4")
    loop.call_soon(setter, futs[0], "a")
    await asyncio.sleep(0)
    await asyncio.create_task(direct(futs[0]), name="D4b")
    loop.call_soon(setter, futs[1], "b")
    await outcome(t)

    print("== cancelled after an outside throw")
    futs = [loop.create_future() for _ in range(3)]
    t = asyncio.create_task(body("t5", futs), name="T5")
    await asyncio.sleep(0)
    nxt = t.get_coro().throw(ValueError("moved"))
    print("moved to futs[1]:", nxt is futs[1])
    print("cancel ->", t.cancel("stop T5"))
    await outcome(t)
    print("futs[0] cancelled", futs[0].cancelled(), "futs[1] done", futs[1].done())
    await asyncio.create_task(direct(futs[1]), name="D5")
    futs[1].set_result("late")
    await asyncio.create_task(direct(futs[1]), name="D5b")

    print("== the loop goes on:", await asyncio.sleep(0, "ok"))
    for f in futs:
        f.cancel()
    stop.set_result(None)
    await ck
    print("end at iteration", it[0])


asyncio.run(main())
