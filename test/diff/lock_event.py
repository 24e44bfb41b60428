import asyncio

# Event: set() wakes every waiter (they run in the order they started waiting, after tasks
# already scheduled); clear(); wait() on a set event does not suspend; set+clear before the
# waiters run still wakes them; cancellation while waiting and racing with set().
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    ev = asyncio.Event()
    print("initial", ev.is_set(), r(ev))
    result = []
    async def c(i):
        print("wait", i)
        if await ev.wait():
            result.append(i)
            print("woke", i, ev.is_set())
        return i

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("waiting", r(ev), result)
    t3 = asyncio.create_task(c(3))
    ev.set()
    print("set", r(ev))
    await asyncio.sleep(0)
    print("result", result)
    print("results", await asyncio.gather(t1, t2, t3), r(ev))

    print("-- wait on a set event does not suspend")
    order = []
    async def other():
        order.append("other")
    o = asyncio.create_task(other())
    order.append(("wait", await ev.wait()))
    order.append("after")
    await o
    print("order", order)

    print("-- clear, then set + clear before the waiters run")
    ev.clear()
    print("cleared", ev.is_set(), r(ev))
    ts = [asyncio.create_task(c(i)) for i in (4, 5)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set+clear", r(ev))
    ev.set()
    ev.set()
    print("set twice", r(ev))
    print("results", await asyncio.gather(*ts), r(ev))

    print("-- cancel while waiting")
    ev.clear()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print("waiting", r(ev))
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print("cancelled", w.cancelled(), r(ev))

    print("-- set and cancel in the same iteration")
    ws = [asyncio.create_task(c(i)) for i in (6, 7, 8)]
    await asyncio.sleep(0)
    ev.set()
    ws[1].cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print("res", [x if isinstance(x, int) else type(x).__name__ for x in res], r(ev))

    print("-- a waiter that clears for the next round")
    ev.clear()
    rounds = []
    async def consumer():
        for _ in range(3):
            await ev.wait()
            ev.clear()
            rounds.append("consumed")
    cons = asyncio.create_task(consumer())
    for i in range(3):
        await asyncio.sleep(0)
        rounds.append(("produce", i))
        ev.set()
    await cons
    print("rounds", rounds)

asyncio.run(main())
