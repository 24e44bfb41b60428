import asyncio

# A bounded worker pool inside a TaskGroup: a producer feeds a Queue(2) (blocking on put when it
# is full), three workers process jobs (a few sleep(0) ticks each) and one job raises. The group
# then cancels the producer (blocked in put), the workers (blocked in get, or mid-job: their
# cleanup awaits, one of them raises OSError from its cleanup, one swallows the cancellation and
# returns), and the body (blocked in q.join()). Traced: every step in order, the ExceptionGroup
# (message, the errors in order, their types), what is left in the queue, the jobs each worker
# finished. The pool is run again on what was left, with the bad job moved to a dead-letter list
# (it succeeds); then with two jobs failing in the same iteration (both collected); then the
# parent is cancelled from outside while a job fails a few ticks later (the group reports the
# failure, the parent's cancelling() count); then tg.create_task after the group has begun to shut
# down and after it has finished.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class JobError(Exception):
    pass

def describe(eg):
    return "%s %r %s" % (type(eg).__name__, str(eg),
                         [(type(e).__name__, str(e)) for e in eg.exceptions])

async def run_pool(tag, jobs, bad, nworkers=3, headstrong=None, cleanup_fails=None):
    q = asyncio.Queue(2)
    done = {}

    async def producer():
        try:
            for j in jobs:
                await q.put(j)
                log.append("put %s" % j)
            log.append("producer finished")
        except asyncio.CancelledError as e:
            log.append("producer cancelled at %d queued %r" % (q.qsize(), str(e)))
            raise

    async def worker(w):
        done[w] = []
        while True:
            j = await q.get()
            try:
                log.append("%s takes %s" % (w, j))
                for _ in range(int(j[1:]) % 4):
                    await asyncio.sleep(0)
                if j in bad:
                    raise JobError("%s failed in %s" % (j, w))
                done[w].append(j)
            except asyncio.CancelledError:
                log.append("%s cancelled during %s" % (w, j))
                if w == headstrong:
                    log.append("%s swallows it" % w)
                    return "headstrong %s" % w
                await asyncio.sleep(0)
                log.append("%s cleaned up %s" % (w, j))
                if w == cleanup_fails:
                    raise OSError("%s cleanup failed" % w)
                raise
            finally:
                q.task_done()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(producer(), name="producer")
            ws = [tg.create_task(worker("w%d" % i), name="w%d" % i) for i in range(nworkers)]
            try:
                await asyncio.sleep(0)
                await q.join()
                log.append("body joined")
            except asyncio.CancelledError:
                log.append("body cancelled in join, %d left" % q.qsize())
                raise
            for w in ws:
                w.cancel("pool done")
        flush(tag)
        print(tag, "clean exit")
    except ExceptionGroup as eg:
        flush(tag)
        print(tag, describe(eg))
    left = []
    while not q.empty():
        left.append(q.get_nowait())
    print(tag, "finished", sorted(done.items()), "left in queue", left)
    print(tag, "workers", [w.get_name() + ":" + ("cancelled" if w.cancelled() else repr(w.exception() or w.result())) for w in ws])
    return left

async def main():
    jobs = ["j%d" % i for i in range(1, 11)]
    print("-- one job fails; a worker's cleanup fails; a worker swallows the cancel")
    left = await run_pool("pool1", jobs, {"j4"}, headstrong="w1", cleanup_fails="w0")
    unprocessed = [j for j in jobs if j not in left]
    print("-- rerun on the leftovers, the bad job moved to dead letters")
    dead = ["j4"]
    rest = [j for j in jobs if j not in dead and j not in ("j1", "j2", "j3", "j5", "j6")]
    await run_pool("pool2", rest + left, set())
    print("dead letters", dead)
    print("-- two jobs fail in the same iteration")
    await run_pool("pool3", ["j5", "j9", "j2", "j6"], {"j5", "j9"}, nworkers=2)

    print("-- the parent is cancelled from outside after k iterations, a job fails meanwhile")
    for k in range(8):
        t = asyncio.create_task(run_pool("pool4.%d" % k, ["j0", "j3", "j7"], {"j3"}, nworkers=2),
                                name="parent")
        for _ in range(k):
            await asyncio.sleep(0)
        print("k=%d cancel parent ->" % k, t.cancel("operator"), "cancelling", t.cancelling())
        try:
            await t
            print("  parent returned", t.result(), "cancelling", t.cancelling())
        except asyncio.CancelledError as e:
            flush("  pool4.%d" % k)
            print("  parent cancelled", repr(str(e)), t.cancelled(), "cancelling", t.cancelling())

    print("-- create_task on a shutting-down group and on a finished one")
    holder = []
    async def failer():
        await asyncio.sleep(0)
        raise JobError("boom")
    async def late_creator(tg):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            coro = asyncio.sleep(0, "late")
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                print("shutting down:", repr(e))
                coro.close()
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            holder.append(tg)
            tg.create_task(failer())
            tg.create_task(late_creator(tg))
    except ExceptionGroup as eg:
        print(describe(eg))
    coro = asyncio.sleep(0)
    try:
        holder[0].create_task(coro)
    except RuntimeError as e:
        print("finished:", repr(e))
        coro.close()
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
