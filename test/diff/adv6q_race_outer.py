import asyncio
import time

# The awaiting task cancelled in the iteration its queue item (or semaphore unit) arrives, both
# orders, with a second waiter in line: through wait_for() (3.11 returns the inner result when
# the inner get finished first, and the task is left with cancelling() == 1), through a
# timeout() block rescheduled to now in that iteration (its expiry is a call_soon: the item
# wins when it came first, else TimeoutError and the woken get hands its item to the next
# waiter), and through shield() (the shielded get goes on and takes the item the cancelled
# awaiter will never see). The two callbacks are due 50 ms apart and the loop is
# blocked past both.
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

async def main():
    loop = asyncio.get_running_loop()

    async def via_wait_for(aw):
        me = asyncio.current_task()
        try:
            v = await asyncio.wait_for(aw, 10)
            print("    wait_for ->", repr(v), "cancelling", me.cancelling())
            return v
        except asyncio.CancelledError:
            print("    wait_for -> CancelledError, cancelling", me.cancelling())
            raise

    async def via_timeout(aw, holder):
        try:
            async with asyncio.timeout(10) as cm:
                holder.append(cm)
                v = await aw
                print("    timeout block ->", repr(v))
                return v
        except TimeoutError:
            print("    timeout block -> TimeoutError")
            return "timeout"

    async def via_shield(aw, holder):
        inner = asyncio.ensure_future(aw)
        holder.append(inner)
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            print("    shield awaiter cancelled, inner", state(inner))
            raise

    for kind in ("get", "acquire"):
        for how in ("wait_for", "timeout", "shield"):
            for first in ("feed", "cancel"):
                print("--", kind, "via", how, first, "first")
                if kind == "get":
                    obj = asyncio.Queue()
                    op = obj.get
                    feed = lambda: (print("    put"), obj.put_nowait("x"))
                else:
                    obj = asyncio.Semaphore(0)
                    op = obj.acquire
                    feed = lambda: (print("    release"), obj.release())
                holder = []
                if how == "wait_for":
                    w = asyncio.create_task(via_wait_for(op()))
                    stop = lambda: (print("    cancel"), w.cancel())
                elif how == "timeout":
                    w = asyncio.create_task(via_timeout(op(), holder))
                    stop = lambda: (print("    reschedule to now"), holder[0].reschedule(loop.time()))
                else:
                    w = asyncio.create_task(via_shield(op(), holder))
                    stop = lambda: (print("    cancel"), w.cancel())
                await spin(2)
                nxt = asyncio.create_task(op())
                await spin(1)
                print("   ", str(obj) if kind == "get" else r(obj))
                now = loop.time()
                loop.call_at(now + 0.01, feed if first == "feed" else stop)
                loop.call_at(now + 0.06, stop if first == "feed" else feed)
                block(0.1)
                await spin(6)
                extra = (" inner " + state(holder[0])) if how == "shield" else ""
                print("    end", str(obj) if kind == "get" else r(obj), state(w), state(nxt) + extra)
                if not nxt.done():
                    nxt.cancel()
                    await spin(1)

asyncio.run(main())
