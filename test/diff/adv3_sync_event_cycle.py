import asyncio

# Event set/clear/set within one iteration: the first set() wakes every listed waiter; clear()
# does not un-wake them; a waiter that arrives after clear() is woken only by the second set();
# waiters cancelled before/after set(); repr counts done-but-not-yet-removed waiters; wait() on a
# set event does not suspend (a cancellation requested before it is delivered at the next
# suspension).
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    ev = asyncio.Event()

    async def waiter(name):
        try:
            v = await ev.wait()
        except asyncio.CancelledError:
            log.append(("cancelled", name, ev.is_set(), r(ev)))
            raise
        log.append(("woke", name, v, ev.is_set(), r(ev)))
        return name

    def flush(tag):
        print(tag, *log, "|", r(ev), ev.is_set())
        log.clear()

    print("-- set/clear/set in one iteration")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    flush("waiting")
    ev.set()
    ev.clear()
    flush("set+clear")
    late = asyncio.create_task(waiter("late"))
    await asyncio.sleep(0)
    flush("tick1")
    ev.set()
    ev.clear()
    ev.set()
    flush("set+clear+set")
    await asyncio.sleep(0)
    flush("tick2")

    print("-- cancel before and after set, in the same iteration")
    ev.clear()
    ws = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    ws[0].cancel()          # future cancelled
    ev.set()                # wakes 1, 2, 3
    ws[1].cancel()          # woken, then cancelled
    ev.clear()
    flush("same iteration")
    ws[2].cancel()
    flush("and 2")
    await asyncio.sleep(0)
    flush("tick1")
    print([("C" if t.cancelled() else t.result()) for t in ws])

    print("-- wait on a set event does not suspend")
    ev.set()
    async def quick():
        asyncio.current_task().cancel("pending")
        v = await ev.wait()
        log.append(("still running", v))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(("delivered at sleep", str(e)))
            raise
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    flush("quick tick1")
    await asyncio.sleep(0)
    flush("quick tick2")
    print(t.cancelled())

    print("-- clear while waiters wait, then one set wakes all in order")
    ev.clear()
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.clear()
    ev.clear()
    flush("cleared")
    ws[1].cancel("bye")
    await asyncio.sleep(0)
    flush("tick")
    ev.set()
    ev.set()
    await asyncio.gather(*ws, return_exceptions=True)
    flush("end")

asyncio.run(main())
