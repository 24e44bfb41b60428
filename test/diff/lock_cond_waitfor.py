import asyncio

# Condition.wait_for(predicate): the predicate is checked first (no wait, and no lock needed,
# when it already holds), then after every wake-up; the result is the predicate's value.
# A producer/consumer over a shared list.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    cond = asyncio.Condition()
    state = {"value": 0, "calls": 0}

    def pred():
        state["calls"] += 1
        print("pred called", state["calls"], state["value"])
        return state["value"] >= 2 and state["value"] * 10

    async def waiter():
        async with cond:
            res = await cond.wait_for(pred)
            print("waiter got", res, cond.locked())
            return res

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    for v in (1, 2):
        async with cond:
            state["value"] = v
            print("notify with value", v)
            cond.notify()
        await asyncio.sleep(0)
    print("result", await t, r(cond))

    print("-- true at once: no wait, no lock needed")
    print("immediate", await cond.wait_for(lambda: [1, 2, 3]), r(cond))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("RuntimeError", str(e))

    print("-- producer / consumers")
    items = []
    consumed = []
    async def consumer(name):
        for _ in range(2):
            async with cond:
                item = await cond.wait_for(lambda: items and items.pop(0))
                consumed.append((name, item))
                print("consumed", name, item)
    async def producer():
        for i in range(1, 7):
            async with cond:
                items.append(i)
                print("produced", i)
                cond.notify()
            await asyncio.sleep(0)
    await asyncio.gather(consumer("a"), consumer("b"), consumer("c"), producer())
    print("consumed", consumed, r(cond))

    print("-- notify_all: each re-checks its own predicate")
    flags = {"x": False, "y": False}
    async def wait_flag(k):
        async with cond:
            await cond.wait_for(lambda: flags[k])
            print("flag", k)
    ws = [asyncio.create_task(wait_flag(k)) for k in ("x", "y", "x")]
    await asyncio.sleep(0)
    async with cond:
        flags["x"] = True
        cond.notify_all()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("pending", [w.done() for w in ws])
    async with cond:
        flags["y"] = True
        cond.notify_all()
    await asyncio.gather(*ws)
    print("all done", r(cond))

asyncio.run(main())
