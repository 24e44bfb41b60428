import asyncio
import re

# Queues and semaphores used from two event loops (two asyncio.run calls): a queue binds to
# the loop its first waiter waits on, join() binds its own Event, a semaphore binds when an
# acquire() waits; from the second loop every operation that does not wait still works (put_nowait,
# get() of a queued item, put() with room, acquire() of a free unit, release, task_done), and
# the ones that must wait raise RuntimeError naming the primitive (the queue, the Event, the
# semaphore) without lining up a waiter; primitives never waited on work in both loops; the
# second loop goes on after each error. (Addresses are cut from Python's reprs.)
def clean(e):
    return re.sub(r"<(?:asyncio\.locks\.)?(\w+)(?: object)? at 0x[0-9a-f]+", r"<\1", str(e))

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

q = asyncio.Queue(2)
lq = asyncio.LifoQueue()
sem = asyncio.Semaphore(1)
bs = asyncio.BoundedSemaphore(2)

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def first():
    print("-- first loop")
    q.put_nowait("x")
    j = asyncio.create_task(q.join())
    await spin(1)
    print("  joiner waits", j.done(), str(q))
    print("  got", q.get_nowait())
    q.task_done()
    g = asyncio.create_task(q.get())
    await sem.acquire()
    a = asyncio.create_task(sem.acquire())
    await spin(1)
    print("  joined", j.done(), str(q), r(sem))
    q.put_nowait("y")
    sem.release()
    await spin(1)
    print("  getter", g.result(), "acquirer", a.result(), str(q), r(sem))
    lq.put_nowait(1)
    await bs.acquire()
    print("  unbound ones", str(lq), r(bs))
    sem.release()
    print("  released", r(sem))

async def second():
    print("-- second loop")
    async def attempt(label, make):
        try:
            v = await make()
            print("  ", label, "->", repr(v))
        except RuntimeError as e:
            print("  ", label, "-> RuntimeError", clean(e))
    await attempt("get, queue empty", q.get)
    print("   ", str(q))
    q.put_nowait("z")
    await attempt("get, item queued", q.get)
    await attempt("put, room", lambda: q.put("p1"))
    await attempt("put, room", lambda: q.put("p2"))
    await attempt("put, full", lambda: q.put("p3"))
    print("   ", str(q))
    await attempt("join, unfinished", q.join)
    for _ in range(q.qsize()):
        q.get_nowait()
    while True:
        try:
            q.task_done()
        except ValueError:
            break
    await attempt("join, finished", q.join)
    print("   ", str(q))
    await attempt("acquire, free", sem.acquire)
    await attempt("acquire, taken", sem.acquire)
    print("   ", r(sem))
    sem.release()
    print("   released", r(sem))
    await attempt("lifo get", lq.get)
    await attempt("bounded acquire", bs.acquire)
    async def later():
        await asyncio.sleep(0)
        bs.release()
        lq.put_nowait(2)
    t = asyncio.create_task(later())
    await attempt("bounded acquire, waits in this loop", bs.acquire)
    await attempt("lifo get, waits in this loop", lq.get)
    await t
    print("   ", str(lq), r(bs))
    fresh = asyncio.Queue()
    t = asyncio.create_task(fresh.get())
    await spin(1)
    fresh.put_nowait("fresh")
    await spin(1)
    print("   new queue", t.result(), str(fresh))

asyncio.run(first())
asyncio.run(second())
