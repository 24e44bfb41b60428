import asyncio
import time

# A wake-up and a timeout (or a cancel) in one iteration, both orders, with a second waiter in
# line: wait_for(q.get()) whose item arrives in the iteration its timeout fires (the item is
# returned when the put comes first; when the timeout comes first the woken getter is cancelled
# and hands the item to the next getter), the same for wait_for(q.put()) and a freed slot, and
# for wait_for(sem.acquire()) and release(); then plain task.cancel() racing put_nowait().
# The two callbacks are due at least 50 ms apart and the loop is blocked past both, so they
# run in one iteration in deadline order.
def block(s):
    time.sleep(s)

def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return "result " + repr(t.result())

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

async def timed(label, aw, timeout):
    try:
        v = await asyncio.wait_for(aw, timeout)
        print("  ", label, "->", repr(v))
        return v
    except TimeoutError:
        print("  ", label, "-> TimeoutError")
        return "timeout"

async def main():
    loop = asyncio.get_running_loop()
    for first in ("wake", "timeout"):
        print("-- get: %s first" % first)
        q = asyncio.Queue()
        w = asyncio.create_task(timed("w", q.get(), 0.3))
        await spin(1)
        nxt = asyncio.create_task(q.get())
        await spin(1)
        print("  ", str(q))
        now = loop.time()
        loop.call_at(now if first == "wake" else now + 0.4, lambda: (print("   put"), q.put_nowait("x")))
        block(0.45)
        await spin(1)
        print("   tick1", str(q), state(w), state(nxt))
        await spin(5)
        print("   tick6", str(q), state(w), state(nxt))
        if not nxt.done():
            q.put_nowait("y")
            await spin(1)
            print("   fed y", state(nxt), str(q))

        print("-- put: %s first" % first)
        q = asyncio.Queue(1)
        q.put_nowait("a")
        w = asyncio.create_task(timed("w", q.put("b"), 0.3))
        await spin(1)
        nxt = asyncio.create_task(q.put("c"))
        await spin(1)
        print("  ", str(q))
        now = loop.time()
        loop.call_at(now if first == "wake" else now + 0.4, lambda: print("   get", q.get_nowait()))
        block(0.45)
        await spin(1)
        print("   tick1", str(q), state(w), state(nxt))
        await spin(5)
        print("   tick6", str(q), state(w), state(nxt))

        print("-- acquire: %s first" % first)
        sem = asyncio.Semaphore(0)
        w = asyncio.create_task(timed("w", sem.acquire(), 0.3))
        await spin(1)
        nxt = asyncio.create_task(sem.acquire())
        await spin(1)
        print("  ", r(sem))
        now = loop.time()
        loop.call_at(now if first == "wake" else now + 0.4, lambda: (print("   release"), sem.release()))
        block(0.45)
        await spin(1)
        print("   tick1", r(sem), state(w), state(nxt))
        await spin(5)
        print("   tick6", r(sem), state(w), state(nxt), sem.locked())

    for first in ("put", "cancel"):
        print("-- cancel and put_nowait: %s first" % first)
        q = asyncio.LifoQueue()
        gs = [asyncio.create_task(q.get()) for _ in range(3)]
        await spin(1)
        now = loop.time()
        def put():
            print("   put 1 2")
            q.put_nowait(1)
            q.put_nowait(2)
        def cancel():
            print("   cancel g0 g1", gs[0].cancel(), gs[1].cancel())
        loop.call_at(now + 0.01, put if first == "put" else cancel)
        loop.call_at(now + 0.06, cancel if first == "put" else put)
        print("  ", str(q))
        block(0.1)
        await spin(1)
        print("   tick1", str(q), [state(g) for g in gs])
        await spin(4)
        print("   tick5", str(q), [state(g) for g in gs])

asyncio.run(main())
