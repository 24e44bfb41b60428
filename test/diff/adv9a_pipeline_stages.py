import asyncio

# A three-stage pipeline over bounded queues (maxsize 1 and 2): a source puts numbers, a parser
# turns them into strings (and rejects 3 with ValueError, which it reports and skips), a sink
# batches pairs; each stage marks task_done(), a sentinel None flows through to end the stages.
# The trace shows every put/get in order and the queues' reprs at each tick; then a second run
# where the middle stage is cancelled while blocked on put() (its item is lost, the source
# blocks on a full queue), shutdown cancels the rest, gather(return_exceptions) reports each
# stage's outcome, and join() on the drained queues completes.
def qs(q):
    return str(q)

async def main():
    log = []

    def say(*a):
        log.append(" ".join(str(x) for x in a))

    async def source(out, n):
        try:
            for i in range(n):
                say("source put", i, "full" if out.full() else "room")
                await out.put(i)
            await out.put(None)
            say("source done")
            return "source:%d" % n
        except asyncio.CancelledError as e:
            say("source cancelled", repr(str(e)), "at", i)
            raise

    async def parser(inq, out):
        seen = 0
        try:
            while True:
                x = await inq.get()
                try:
                    if x is None:
                        await out.put(None)
                        say("parser end")
                        return "parser:%d" % seen
                    seen += 1
                    if x == 3:
                        raise ValueError("bad %d" % x)
                    say("parser got", x)
                    await asyncio.sleep(0)
                    await out.put("v%d" % x)
                    say("parser put", "v%d" % x)
                except ValueError as e:
                    say("parser rejects", repr(e))
                finally:
                    inq.task_done()
        except asyncio.CancelledError as e:
            say("parser cancelled", repr(str(e)), "seen", seen)
            raise

    async def sink(inq, size):
        batches = []
        batch = []
        try:
            while True:
                x = await inq.get()
                inq.task_done()
                if x is None:
                    if batch:
                        batches.append(tuple(batch))
                    say("sink end", batches)
                    return batches
                batch.append(x)
                if len(batch) == size:
                    batches.append(tuple(batch))
                    say("sink batch", tuple(batch))
                    batch = []
        except asyncio.CancelledError as e:
            say("sink cancelled", repr(str(e)), "batch", batch, "batches", batches)
            raise

    def flush(tag, *qs_):
        print(tag, "|", "; ".join(log))
        print("   ", *[qs(q) for q in qs_])
        log.clear()

    print("-- clean run")
    q1, q2 = asyncio.Queue(1), asyncio.Queue(2)
    ts = [asyncio.create_task(source(q1, 6), name="source"),
          asyncio.create_task(parser(q1, q2), name="parser"),
          asyncio.create_task(sink(q2, 2), name="sink")]
    tick = 0
    while not all(t.done() for t in ts):
        await asyncio.sleep(0)
        tick += 1
        flush("tick %d" % tick, q1, q2)
    print("results", [t.result() for t in ts])
    await q1.join()
    await q2.join()
    print("joined", qs(q1), qs(q2))

    print("-- middle stage cancelled while blocked on put")
    q1, q2 = asyncio.Queue(1), asyncio.Queue(1)
    src = asyncio.create_task(source(q1, 8), name="source")
    par = asyncio.create_task(parser(q1, q2), name="parser")
    for tick in range(1, 6):
        await asyncio.sleep(0)
        flush("tick %d" % tick, q1, q2)
    print("q2 full", q2.full(), "q1 full", q1.full(), "sizes", q1.qsize(), q2.qsize())
    print("cancel parser ->", par.cancel("stage down"))
    for tick in range(6, 9):
        await asyncio.sleep(0)
        flush("tick %d" % tick, q1, q2)
    sk = asyncio.create_task(sink(q2, 3), name="sink")
    for tick in range(9, 12):
        await asyncio.sleep(0)
        flush("tick %d" % tick, q1, q2)
    print("states", [(t.get_name(), t.done()) for t in (src, par, sk)])
    for t in (src, par, sk):
        t.cancel("shutdown")
    res = await asyncio.gather(src, par, sk, return_exceptions=True)
    flush("shutdown", q1, q2)
    print("outcomes", [(type(r).__name__, str(r)) if isinstance(r, BaseException) else r for r in res])
    for q in (q1, q2):
        while not q.empty():
            print("drain", repr(q.get_nowait()))
            q.task_done()
    try:
        await asyncio.wait_for(q1.join(), 0.2)
        print("q1 joined")
    except asyncio.TimeoutError:
        print("q1 join timed out", qs(q1))
    try:
        await asyncio.wait_for(q2.join(), 0.2)
        print("q2 joined")
    except asyncio.TimeoutError:
        print("q2 join timed out", qs(q2))
    try:
        q2.task_done()
    except ValueError as e:
        print("extra task_done: ValueError", str(e))
    print("loop alive:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
