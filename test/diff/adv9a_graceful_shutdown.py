import asyncio

# Graceful shutdown of a service with tasks in every state: sleeping, blocked on Queue.get, on a
# held Lock, on Event.wait, on Condition.wait, on Barrier.wait, inside wait_for, behind a shield
# (the shielded job runs on), resisting (returns a value), cleaning up in finally (an await in the
# finally), converting the cancellation into RuntimeError, uncancelling and going on, awaiting a
# sibling task (cancelled twice: by its waiter and by the sweep), already finished with a result
# or an error, never started, and one that cancelled itself. Every task is cancelled with its
# own message in creation order; cancel()'s return value, the order the tasks see their
# CancelledError, gather(return_exceptions)'s outcome for each, cancelled()/cancelling() after,
# the shielded job's fate, and the primitives' state after (lock re-acquired by the condition
# waiter and released) are traced; a last task left running is cancelled by asyncio.run itself.
log = []

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    lock = asyncio.Lock()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    bar = asyncio.Barrier(2)
    shielded_job = [None]

    def guard(name):
        def deco(f):
            async def run(*a):
                try:
                    r = await f(*a)
                    log.append("%s returned %r" % (name, r))
                    return r
                except asyncio.CancelledError as e:
                    log.append("%s cancelled %r" % (name, str(e)))
                    raise
                except Exception as e:
                    log.append("%s raised %s(%r)" % (name, type(e).__name__, str(e)))
                    raise
            return run
        return deco

    async def sleeper():
        await asyncio.sleep(30)

    async def getter():
        return await q.get()

    async def locker():
        async with lock:
            return "had lock"

    async def eventer():
        await ev.wait()

    async def conder():
        async with cond:
            await cond.wait()
            return "notified"

    async def barrier():
        return await bar.wait()

    async def waitforer():
        return await asyncio.wait_for(asyncio.sleep(30), 10)

    async def job():
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        log.append("shielded job finished")
        return "job result"

    async def shielder():
        shielded_job[0] = asyncio.ensure_future(job())
        return await asyncio.shield(shielded_job[0])

    async def resister():
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            return "resisted"

    async def cleaner():
        try:
            await asyncio.sleep(30)
        finally:
            log.append("cleaner cleaning up")
            await asyncio.sleep(0)
            log.append("cleaner cleaned")

    async def converter():
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError as e:
            raise RuntimeError("converted " + str(e))

    async def uncanceller():
        me = asyncio.current_task()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            n = me.uncancel()
            log.append("uncanceller uncancel -> %d" % n)
        await asyncio.sleep(0)
        return "carried on, cancelling %d" % me.cancelling()

    async def awaiter(other):
        return await other

    async def ok():
        return "done early"

    async def bad():
        raise ValueError("failed early")

    async def suicidal():
        asyncio.current_task().cancel("by myself")
        await asyncio.sleep(0)
        return "unreachable"

    async def never_started():
        return "never"

    await lock.acquire()
    names = ["sleeper", "getter", "locker", "eventer", "conder", "barrier", "waitforer", "shielder",
             "resister", "cleaner", "converter", "uncanceller", "ok", "bad", "suicidal"]
    fns = dict(sleeper=sleeper, getter=getter, locker=locker, eventer=eventer, conder=conder,
               barrier=barrier, waitforer=waitforer, shielder=shielder, resister=resister,
               cleaner=cleaner, converter=converter, uncanceller=uncanceller, ok=ok, bad=bad,
               suicidal=suicidal)
    tasks = {n: asyncio.create_task(guard(n)(fns[n])(), name=n) for n in names}
    tasks["awaiter"] = asyncio.create_task(guard("awaiter")(awaiter)(tasks["sleeper"]), name="awaiter")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    tasks["never_started"] = asyncio.create_task(guard("never_started")(never_started)(), name="never_started")
    print("startup |", "; ".join(log))
    log.clear()
    print("done before shutdown", [n for n, t in tasks.items() if t.done()])

    lingering = asyncio.create_task(guard("lingering")(sleeper)(), name="lingering")
    rets = []
    for n, t in tasks.items():
        rets.append("%s:%s" % (n, t.cancel("shutdown " + n)))
    print("cancel() ->", " ".join(rets))
    print("cancelling", {n: t.cancelling() for n, t in tasks.items() if t.cancelling()})
    lock.release()
    res = await asyncio.gather(*tasks.values(), return_exceptions=True)
    print("order |", "; ".join(log))
    log.clear()
    for (n, t), r in zip(tasks.items(), res):
        out = "%s(%r)" % (type(r).__name__, str(r)) if isinstance(r, BaseException) else repr(r)
        print("  %-13s %-40s cancelled=%s cancelling=%d" % (n, out, t.cancelled(), t.cancelling()))
    print("shielded job", shielded_job[0].done(), await shielded_job[0], "|", "; ".join(log))
    log.clear()
    print("lock", lock.locked(), "cond lock", cond.locked(), "barrier waiting", bar.n_waiting,
          "broken", bar.broken, "queue getters empty", q.empty())
    q.put_nowait("late item")
    print("queue after late put", q.qsize(), q.get_nowait())
    await asyncio.sleep(0)
    print("main returns; lingering pending", not lingering.done())

try:
    asyncio.run(main())
finally:
    print("after run |", "; ".join(log))
