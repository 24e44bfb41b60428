import asyncio
import re

# get_coro(), get_name() and the Task-N counter for the tasks the composition functions make
# from coroutines (gather, wait_for, shield, as_completed, ensure_future), for
# asyncio.create_task(name=...) (3.11 creates it unnamed, taking a number, then renames it) and
# loop.create_task(name=...) (takes none), a task running sleep() itself, set_name() while the
# task runs as its awaiter's repr shows it, and after it is done; get_coro() is the very
# coroutine object passed in, before, during and after the run. Tasks running asyncio's own
# coroutines (sleep, wait, wait_for, the locks', the barrier's and the queues' methods, an
# as_completed awaitable) show their __qualname__ in their reprs.


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


seen = {}


async def work(v):
    me = asyncio.current_task()
    seen[v] = me
    print("  in", v, me.get_name(), me.get_coro().__name__, "coro is mine", me.get_coro() is coros.get(v, me.get_coro()))
    await asyncio.sleep(0)
    return v


coros = {}


def mk(v):
    c = work(v)
    coros[v] = c
    return c


async def renamer(target):
    await asyncio.sleep(0)
    target.set_name("renamed by a sibling")
    return "renamed"


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("main", me.get_name(), me.get_coro().__name__)
    print("gather", await asyncio.gather(mk("g1"), mk("g2")))
    print("wait_for", await asyncio.wait_for(mk("wf"), 1))
    print("shield", await asyncio.shield(mk("sh")))
    for aw in asyncio.as_completed([mk("ac")]):
        print("as_completed", await aw)
    t = asyncio.ensure_future(mk("ef"))
    print("ensure_future", t.get_name(), await t, "coro after done", t.get_coro() is coros["ef"])
    print("-- names given")
    a = asyncio.create_task(mk("named-a"), name="A")
    b = loop.create_task(mk("named-b"), name="B")
    c = asyncio.create_task(mk("unnamed"))
    print("  ", a.get_name(), b.get_name(), c.get_name())
    await asyncio.gather(a, b, c)
    print("-- a task running sleep() itself")
    s = asyncio.create_task(asyncio.sleep(0, "slept"))
    print("  ", s.get_name(), s.get_coro().__name__, clean(repr(s)))
    print("  ", await s, clean(repr(s)))
    print("-- renamed while it runs and while awaited")
    target = asyncio.create_task(asyncio.sleep(0.05, "t"), name="before")
    r = asyncio.create_task(renamer(target))
    holder = asyncio.create_task(asyncio.wait_for(target, 1), name="holder")
    await asyncio.sleep(0)
    print("  ", target.get_name(), "|", clean(repr(holder)))
    await r
    print("  ", target.get_name())
    await holder
    target.set_name(None)
    print("  done, set_name(None):", repr(target.get_name()), clean(repr(target)))
    target.set_name(42)
    print("  set_name(42):", repr(target.get_name()))
    print("-- tasks running asyncio's own coroutines: their reprs")
    lock = asyncio.Lock()
    await lock.acquire()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    bar = asyncio.Barrier(2)
    q = asyncio.LifoQueue(1)
    q.put_nowait(1)
    q2 = asyncio.Queue()
    f = loop.create_future()
    made = [asyncio.sleep(1), asyncio.wait([f]), asyncio.wait_for(f, 5), lock.acquire(), ev.wait(), cond.wait(),
            cond.wait_for(lambda: False), sem.acquire(), bar.wait(), bar.reset(), bar.abort(), q.put(2), q2.get(),
            q.join(), next(iter(asyncio.as_completed([f])))]
    ts = [asyncio.create_task(c, name="k%d" % i) for i, c in enumerate(made)]
    for t in ts:
        print("  ", clean(repr(t)), "| get_coro", t.get_coro() is made[ts.index(t)])
    await asyncio.sleep(0)
    for t in ts:
        if t.done():
            print("  ", t.get_name(), "done:", repr(t.exception()) if t.exception() else repr(t.result()))
        t.cancel()
    await asyncio.sleep(0)
    print("  ", sum(t.cancelled() for t in ts), "cancelled")
    d = asyncio.create_task(mk("last"))
    await d
    print("  next default name", d.get_name(), "seen is the task", seen["last"] is d)


asyncio.run(main())
