import asyncio

# One raw generator object (a plain generator function, not a coroutine function: asyncio
# 3.11's tasks take generators) driven by more than one task. Two tasks created on the same
# generator take turns resuming it: whichever task steps it runs its body (current_task()
# says so), the second task's first step resumes it inside the first task's await of a pending
# future, which it then waits on as well, and the task that steps it past its end gets the
# return value while the other ends with None. A second task that delegates to a generator
# another task is running (yield from it), one created on a generator advanced by hand to a
# future (its first step raises "await wasn't used with future" inside, at the yield from,
# unless that future is done by then), a task and a yield from over an exhausted generator
# (None at once), gather() given one generator twice (one task, the result twice), and a
# cancel() of one of two tasks sharing a generator: it cancels the future both wait on, so the
# task that registered first wakes first and throws the CancelledError into the generator (its
# finally runs in that task's step), and the cancelled one finds the generator finished.

loop = None
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
        total = []
        for i, f in enumerate(futs):
            try:
                r = yield from f
            except RuntimeError as e:
                print("  ", tag, "round", i, "RuntimeError", repr(str(e)), "in", name())
                continue
            print("  ", tag, "round", i, "got", repr(r), "in", name())
            total.append(r)
        print("  ", tag, "returns in", name())
        return total
    finally:
        print("  ", tag, "finally in", name())


def delegate(tag, g):
    print("  ", tag, "delegates in", name())
    r = yield from g
    print("  ", tag, "delegate got", repr(r), "in", name())
    return ("via", r)


def settle(f, v):
    print("  settle", v)
    f.set_result(v)


async def outcome(t):
    try:
        r = await t
        print(t.get_name(), "result", repr(r))
    except asyncio.CancelledError:
        print(t.get_name(), "cancelled")
    except Exception as e:
        print(t.get_name(), "failed", type(e).__name__, repr(str(e)))


async def main():
    global loop
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    print("== two tasks on one generator")
    futs = [loop.create_future() for _ in range(3)]
    g = body("g1", futs)
    a = asyncio.create_task(g, name="A")
    b = asyncio.create_task(g, name="B")
    print("same coro", a.get_coro() is b.get_coro())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for i, f in enumerate(futs):
        loop.call_soon(settle, f, "v%d" % i)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    await outcome(a)
    await outcome(b)

    print("== a task delegating to a generator another task runs")
    futs = [loop.create_future() for _ in range(2)]
    g = body("g2", futs)
    a = asyncio.create_task(g, name="A2")
    await asyncio.sleep(0)
    d = asyncio.create_task(delegate("d", g), name="D2")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for i, f in enumerate(futs):
        loop.call_soon(settle, f, "w%d" % i)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    await outcome(a)
    await outcome(d)

    print("== a task on a generator advanced by hand")
    for done_first in (False, True):
        futs = [loop.create_future() for _ in range(2)]
        g = body("g3", futs)
        first = g.send(None)
        print("advanced by hand, yielded futs[0]:", first is futs[0])
        if done_first:
            futs[0].set_result("early")
        t = asyncio.create_task(g, name="H" + str(done_first))
        await asyncio.sleep(0)
        loop.call_soon(settle, futs[1], "late")
        await outcome(t)

    print("== exhausted generators")
    g = body("g4", [])
    print("drained", list(g))
    t = asyncio.create_task(g, name="E")
    await outcome(t)
    t = asyncio.create_task(delegate("e", g), name="E2")
    await outcome(t)

    print("== gather given one generator twice")
    futs = [loop.create_future()]
    g = body("g5", futs)
    gf = asyncio.gather(g, g)
    loop.call_soon(settle, futs[0], "once")
    print("gather ->", await gf)

    print("== one of the two tasks cancelled")
    futs = [loop.create_future() for _ in range(2)]
    g = body("g6", futs)
    a = asyncio.create_task(g, name="A6")
    b = asyncio.create_task(g, name="B6")
    await asyncio.sleep(0)
    print("cancel B6 ->", b.cancel("off"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("futs[0] cancelled", futs[0].cancelled())
    await outcome(b)
    await outcome(a)
    futs[1].cancel()

    stop.set_result(None)
    await ck
    print("end at iteration", it[0])


asyncio.run(main())
