import asyncio

# Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def child(name, n, result):
    print("child start", name)
    await ticks(n)
    print("child end", name)
    return result

async def main():
    print("-- all children succeed")
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child("a", 6, 1))
        t2 = tg.create_task(child("b", 1, 2), name="bee")
        t3 = tg.create_task(child("c", 3, 3))
        print("body done, waiting")
        result = "body result"
    print("after the block", result, [t1.result(), t2.result(), t3.result()], t2.get_name())

    print("-- the body outlives its children")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("quick", 1, "q"))
        await ticks(4)
        print("body sees child done", t.done())
    print("result", t.result())

    print("-- children create more children")
    async def spawner(tg, n):
        print("spawner", n)
        await ticks(1)
        if n > 0:
            tg.create_task(spawner(tg, n - 1))
        return n
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 3))
    print("all spawned tasks finished")

    print("-- nested task groups")
    async def inner_group(label, d1, d2):
        async with asyncio.TaskGroup() as tg:
            x = tg.create_task(child(label + ".1", d1, 10))
            y = tg.create_task(child(label + ".2", d2, 20))
        print("inner group done", label)
        return x.result() + y.result()
    async with asyncio.TaskGroup() as outer:
        g1 = outer.create_task(inner_group("g1", 3, 1))
        g2 = outer.create_task(inner_group("g2", 20, 15))
    print("nested results", g1.result(), g2.result())

    print("-- empty group")
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty ok")

    print("-- create_task after the group finished")
    coro = child("late", 0, 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError", str(e))
    coro.close()

    print("-- current task inside the children")
    async def who():
        return asyncio.current_task().get_name()
    async with asyncio.TaskGroup() as tg:
        n1 = tg.create_task(who(), name="first")
        n2 = tg.create_task(who(), name="second")
    print("names", n1.result(), n2.result(), "parent", asyncio.current_task().get_name())

asyncio.run(main())
