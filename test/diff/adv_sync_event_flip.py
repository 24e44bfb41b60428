import asyncio

# Event: set/clear/set within one iteration with waiters (the woken waiters return True even
# though the flag is clear by the time they run; the second set() wakes nobody new); a waiter
# cancelled in the iteration of set(); wait() on a set event does not suspend; waiters that
# arrive after clear() wait for the next set(); the order in which woken waiters run.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    loop = asyncio.get_running_loop()
    log = []
    ev = asyncio.Event()

    async def waiter(name):
        try:
            res = await ev.wait()
        except asyncio.CancelledError as e:
            log.append(("cancelled", name, str(e)))
            raise
        log.append(("woke", name, res, ev.is_set()))
        return name

    def flush(tag):
        print(tag, *log, r(ev))
        log.clear()

    print("-- set, clear, set in one iteration")
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("waiting", r(ev))
    ev.set()
    ev.clear()
    late = asyncio.create_task(waiter("late"))
    ev.set()
    ev.clear()
    print("flag", ev.is_set(), r(ev))
    await asyncio.sleep(0)
    flush("tick1")
    await asyncio.sleep(0)
    flush("tick2")
    print("late done", late.done())
    ev.set()
    await asyncio.sleep(0)
    flush("tick3")

    print("-- waiter cancelled in the iteration of set")
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ts[1].cancel("before set")
    ev.set()
    ts[2].cancel("after set")
    await asyncio.sleep(0)
    flush("tick")
    print([t.cancelled() for t in ts])

    print("-- wait on a set event does not suspend")
    order = []
    async def quick():
        order.append("quick start")
        await ev.wait()
        order.append("quick after wait")
    loop.call_soon(order.append, "callback")
    t = asyncio.create_task(quick())
    loop.call_soon(order.append, "callback2")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(order, t.done())

    print("-- clear, set and clear by woken waiters themselves")
    ev = asyncio.Event()
    async def toggler(name):
        await ev.wait()
        log.append(("toggler", name, ev.is_set()))
        ev.clear()
        await asyncio.sleep(0)
        log.append(("toggler again", name, ev.is_set()))
        ev.set()
    ts = [asyncio.create_task(toggler(i)) for i in range(3)]
    w = asyncio.create_task(waiter("w"))
    await asyncio.sleep(0)
    ev.set()
    await asyncio.sleep(0)
    flush("tick1")
    w2 = asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0)
    flush("tick2")
    await asyncio.gather(*ts, w, w2)
    flush("end")

    print("-- a cancelled waiter leaves no trace; wait_for on an event")
    ev = asyncio.Event()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("after cancel", r(ev), t.cancelled())
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", r(ev))
    loop.call_later(0.01, ev.set)
    print("wait_for", await asyncio.wait_for(ev.wait(), 1), r(ev))

asyncio.run(main())
