import asyncio
import time

# wait_for() whose timer fires in the same iteration as the wake-up of the operation it waits
# for, both orders, for the primitives adv6q_race_timeout does not cover: lock.acquire() (with
# a second waiter in line), event.wait(), cond.wait() inside `async with cond` (notify() and
# release() in one callback; when the timeout comes first the notified waiter is cancelled,
# takes the lock back and wait_for raises TimeoutError), barrier.wait() (the last party is a
# task created in the wake-up callback, so it trips the barrier one iteration late and the
# waiting party times out in both orders, cancelled after the trip) and q.join() (task_done()
# in the callback). Wake-up
# first: the inner task finishes before the outer task handles the timeout, so wait_for returns
# the result. Timeout first: the inner task is cancelled after its wake-up and passes the lock
# on. The two callbacks are due 150 ms or more apart and the loop is blocked past both, so they
# run in one iteration in deadline order.
def block(s):
    time.sleep(s)

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def state(t):
    if t is None:
        return "-"
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return "result " + repr(t.result())

log = []

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def timed(aw, timeout):
    try:
        v = await asyncio.wait_for(aw, timeout)
        log.append(("w ->", v, asyncio.current_task().cancelling()))
        return v
    except TimeoutError:
        log.append(("w -> TimeoutError", asyncio.current_task().cancelling()))
        return "timeout"

async def cond_user(cond):
    async with cond:
        try:
            return await cond.wait()
        except asyncio.CancelledError as e:
            log.append(("cond waiter cancelled", e.args, cond.locked()))
            raise

async def party(b, name):
    i = await b.wait()
    log.append((name, "index", i))
    return i

async def main():
    loop = asyncio.get_running_loop()
    for kind in ("lock", "event", "cond", "barrier", "join"):
        for first in ("wake", "timeout"):
            print("--", kind, first, "first")
            log.clear()
            nxt = None
            if kind == "lock":
                p = asyncio.Lock()
                await p.acquire()
                op = p.acquire()
                def wake():
                    log.append(("release",))
                    p.release()
            elif kind == "event":
                p = asyncio.Event()
                op = p.wait()
                def wake():
                    log.append(("set",))
                    p.set()
            elif kind == "cond":
                p = asyncio.Condition()
                op = cond_user(p)
                def wake():
                    log.append(("notify+release",))
                    p.notify()
                    p.release()
            elif kind == "barrier":
                p = asyncio.Barrier(2)
                op = p.wait()
                def wake():
                    log.append(("last party arrives",))
                    loop.create_task(party(p, "last"))
            elif kind == "join":
                p = asyncio.Queue()
                p.put_nowait("job")
                p.get_nowait()
                op = p.join()
                def wake():
                    log.append(("task_done",))
                    p.task_done()
            w = asyncio.create_task(timed(op, 0.2))
            await spin(2)
            if kind == "lock":
                nxt = asyncio.create_task(p.acquire())
                await spin(1)
            if kind == "cond":
                await p.acquire()  # free: the waiter released it in wait()
            show = (lambda: str(p)) if kind == "join" else (lambda: r(p))
            print("   ", show(), state(w), state(nxt))
            now = loop.time()
            loop.call_at(now if first == "wake" else now + 0.35, wake)
            block(0.45)
            for i in range(7):
                await spin(1)
                print("    tick%d" % i, *log, "|", show(), state(w), state(nxt))
                log.clear()
            if kind == "lock":
                if p.locked():
                    p.release()
                await spin(2)
                print("    after", show(), state(w), state(nxt))
            if kind == "cond" and p.locked():
                p.release()
            for t in (w, nxt):
                if t is not None and not t.done():
                    t.cancel()
            await asyncio.gather(*[t for t in (w, nxt) if t is not None], return_exceptions=True)

asyncio.run(main())
