import asyncio

# "select" over queues and a semaphore with wait(FIRST_COMPLETED): a getter task per source,
# the losers cancelled and awaited each round. Sources fed one at a time, both in one callback,
# one after the other, both before the round starts (both tasks finish in their first step), an
# item stolen by get_nowait() in the callback that put it, and a queue and the semaphore fed
# while the round's losers are being cancelled (a woken loser leaves its item queued, a woken
# acquirer gives its unit back). Nothing is lost: leftovers are listed at the end.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    qa = asyncio.Queue()
    qb = asyncio.LifoQueue(2)
    sem = asyncio.Semaphore(0)

    def put(q, *items):
        for x in items:
            q.put_nowait(x)
        print("   put", items, "->", type(q).__name__)

    def steal_then(q, x, other, y):
        q.put_nowait(x)
        print("   put", x, "and stole", q.get_nowait())
        other.put_nowait(y)
        print("   put", y)

    def rel():
        sem.release()
        print("   release", r(sem))

    async def acquire_named():
        await sem.acquire()
        return "unit"

    def later(k, fn, *args):
        # fn(*args) k iterations from now (each call_soon runs in the next iteration)
        if k == 0:
            fn(*args)
        else:
            loop.call_soon(later, k - 1, fn, *args)

    schedules = [
        ("a only", lambda: later(3, put, qa, "a1"), False),
        ("both in one callback", lambda: later(3, lambda: (put(qa, "a2"), put(qb, "b2"))), False),
        ("b then a", lambda: (later(3, put, qb, "b3"), later(4, put, qa, "a3")), False),
        ("both before", lambda: (put(qa, "a4"), put(qb, "b4", "b5")), False),
        ("stolen", lambda: later(3, steal_then, qa, "a6", qb, "b6"), False),
        ("sem and queue together", lambda: later(3, lambda: (rel(), put(qa, "a7"))), True),
        ("sem alone", lambda: later(3, rel), True),
        ("queue then sem", lambda: (later(3, put, qb, "b8"), later(3, rel)), True),
    ]
    for i, (title, feed, with_sem) in enumerate(schedules):
        print("-- round", i, title)
        feed()
        tasks = {
            asyncio.create_task(qa.get(), name="qa"): "qa",
            asyncio.create_task(qb.get(), name="qb"): "qb",
        }
        if with_sem:
            tasks[asyncio.create_task(acquire_named(), name="sem")] = "sem"
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        print("   done", sorted((t.get_name(), t.result()) for t in done), "pending", sorted(t.get_name() for t in pending))
        for t in pending:
            t.cancel()
        res = await asyncio.gather(*sorted(pending, key=lambda t: t.get_name()), return_exceptions=True)
        print("   losers", [type(x).__name__ if isinstance(x, BaseException) else x for x in res])
        print("   ", str(qa), str(qb), r(sem))

    print("-- leftovers")
    print("  ", [qa.get_nowait() for _ in range(qa.qsize())], [qb.get_nowait() for _ in range(qb.qsize())], r(sem))
    print("  ", str(qa), str(qb))

asyncio.run(main())
