# asyncio.wait over mixed inputs: iterables of every kind (a generator is refused, an iterator,
# dict keys, a tuple with duplicates), futures, tasks, a gather and a shield among them; the done callbacks wait
# installs (shown in the futures' reprs, locations stripped) and removes on every way out (return,
# timeout, cancellation of the waiting task); the order of a user's callbacks against wait's;
# FIRST_COMPLETED with several finishing in one iteration; each mode over already-done inputs.
import asyncio
import re


def r(x):
    return re.sub(r"( running)? at [^ ]+:\d+", "", repr(x))


def names(fs):
    return sorted(f.label for f in fs)


def fut(loop, label):
    f = loop.create_future()
    f.label = label
    return f


async def work(name, n, result=None, exc=None):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  work", name, "ends")
    if exc is not None:
        raise exc
    return result


def task(coro, label):
    t = asyncio.ensure_future(coro)
    t.label = label
    return t


async def main():
    loop = asyncio.get_running_loop()

    print("-- a generator, an iterator, dict keys, a tuple with duplicates")
    a = fut(loop, "a")
    b = fut(loop, "b")
    loop.call_soon(a.set_result, 1)
    for label, gen in [("wait", lambda: asyncio.wait((x for x in [a, b]))),
                       ("as_completed", lambda: next(asyncio.as_completed((x for x in [a, b]))))]:
        try:
            await gen()
        except TypeError:
            print(label, "of a generator (a coroutine, to asyncio 3.11): TypeError")
    done, pending = await asyncio.wait(iter([a, b]), return_when=asyncio.FIRST_COMPLETED)
    print("iterator: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait({a: 1, b: 2}, timeout=0)
    print("dict: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait((a, a, b, b), timeout=0.001)
    print("tuple: done", names(done), "pending", names(pending))
    print("b after the waits", r(b))

    print("-- wait's callbacks in the reprs while it waits, gone after it returns")
    c = fut(loop, "c")
    d = fut(loop, "d")

    async def show():
        print("  c while waiting:", r(c))
        print("  d while waiting:", r(d))
        c.set_result("c")
    loop.call_soon(lambda: asyncio.ensure_future(show()))
    done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    print("c", r(c))
    print("d", r(d))

    print("-- the waiting task is cancelled: callbacks removed, CancelledError with its message")
    e = fut(loop, "e")

    async def waiter():
        try:
            return await asyncio.wait([e, d], timeout=10)
        except asyncio.CancelledError as exc:
            print("  waiter cancelled", repr(str(exc)))
            print("  e in the except:", r(e))
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("e while waiting:", r(e))
    print("cancel", w.cancel("stop waiting"))
    try:
        await w
    except asyncio.CancelledError as exc:
        print("w: CancelledError", repr(str(exc)))
    print("e after:", r(e))
    print("d after:", r(d))

    print("-- user callbacks around wait's: their order, and when the waiter wakes")
    f = fut(loop, "f")
    f.add_done_callback(lambda _: print("  user cb 1"))

    async def complete():
        await asyncio.sleep(0)
        f.add_done_callback(lambda _: print("  user cb 2"))
        f.set_result("F")
        loop.call_soon(print, "  soon after set_result")
    asyncio.ensure_future(complete())
    done, pending = await asyncio.wait([f])
    print("woke: done", names(done))

    print("-- FIRST_COMPLETED: several finish in one iteration, all are in done")
    g1, g2, g3 = fut(loop, "g1"), fut(loop, "g2"), fut(loop, "g3")

    def finish_two():
        g2.set_result(2)
        g3.set_exception(KeyError("g3"))
    loop.call_soon(finish_two)
    done, pending = await asyncio.wait([g1, g2, g3], return_when=asyncio.FIRST_COMPLETED)
    print("done", names(done), "pending", names(pending))
    print("g3 exception", repr(g3.exception()))

    print("-- a gather, its children and a shield, in one wait")
    t1 = task(work("t1", 1, "r1"), "t1")
    t2 = task(work("t2", 3, "r2"), "t2")
    gat = asyncio.gather(t1, t2)
    gat.label = "gather"
    sh = asyncio.shield(t2)
    sh.label = "shield"
    done, pending = await asyncio.wait([gat, sh, t1], return_when=asyncio.FIRST_COMPLETED)
    print("first: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait([gat, sh, t1, t2])
    print("all: done", names(done), "pending", names(pending), gat.result(), sh.result())

    print("-- FIRST_EXCEPTION: a task fails while another finished first")
    t3 = task(work("t3", 1, "ok"), "t3")
    t4 = task(work("t4", 2, exc=ValueError("t4")), "t4")
    t5 = task(work("t5", 4, "late"), "t5")
    done, pending = await asyncio.wait([t5, t4, t3], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), repr(t4.exception()))
    await t5

    print("-- every mode over inputs all done already (result, exception, cancelled)")
    h1, h2, h3 = fut(loop, "h1"), fut(loop, "h2"), fut(loop, "h3")
    h1.set_result(1)
    h2.set_exception(ValueError("h2"))
    h3.cancel("h3 msg")
    for mode in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        for to in (None, 0, -1):
            loop.call_soon(print, "  soon", mode, to)
            done, pending = await asyncio.wait([h3, h2, h1], timeout=to, return_when=mode)
            print(mode, to, "done", names(done), "pending", names(pending))

    print("-- a timeout expires: nothing is cancelled, callbacks are removed")
    k = fut(loop, "k")
    t6 = task(work("t6", 2, "six"), "t6")
    done, pending = await asyncio.wait([k, t6], timeout=0.2)
    print("done", names(done), "pending", names(pending), "k", r(k), "cancelled", k.cancelled())
    k.set_result("late")
    await asyncio.sleep(0)
    print("loop still runs", await asyncio.wait_for(work("last", 1, "z"), 1))


asyncio.run(main())
