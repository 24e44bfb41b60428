import asyncio

# Three tasks ready in the same iterations, each running rounds of a four-level chain of
# directly awaited coroutines that mostly do not suspend: every level prints, queues a callback,
# awaits a done future; level 2 creates a task; in round 2 the bottom raises ValueError, which
# level 2 lets through and level 3 catches (task B then awaits inside the except clause); in odd
# rounds one level (a different one each round) really suspends. Between rounds a task sleeps
# only every third round. A task's step runs from one real suspension to the next without any
# other task, callback or created task running in between: the global print order shows it.

loop = None


def who():
    t = asyncio.current_task()
    return "None" if t is None else t.get_name()


async def side(tag, rnd):
    print("      side", tag, rnd, "runs in", who())
    return rnd


async def chain(tag, lvl, rnd, done):
    p = "%s r%d L%d" % (tag, rnd, lvl)
    print(p, "enter", who())
    loop.call_soon(print, "      cb", p)
    await done
    if lvl == 2:
        asyncio.create_task(side(tag, rnd), name="%s-side%d" % (tag, rnd))
    if rnd % 2 and lvl == (rnd // 2) % 4 + 1:
        await asyncio.sleep(0)
        print(p, "resumed", who())
    if lvl == 1:
        if rnd == 2:
            print(p, "raises")
            raise ValueError(tag + "-bottom")
        return 1
    try:
        r = await chain(tag, lvl - 1, rnd, done)
    except ValueError as e:
        if lvl != 3:
            print(p, "lets", repr(e), "through")
            raise
        print(p, "caught", repr(e))
        if tag == "B":
            await asyncio.sleep(0)
            print(p, "slept in except clause", who())
        r = 100
    print(p, "exit", r)
    return r + lvl


async def runner(tag, rounds):
    done = loop.create_future()
    done.set_result(None)
    total = 0
    for rnd in range(rounds):
        r = await chain(tag, 4, rnd, done)
        total += r
        print(tag, "round", rnd, "->", r, who())
        if rnd % 3 == 0:
            await asyncio.sleep(0)
    return total


async def main():
    global loop
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(runner(tag, 6), name=tag) for tag in "ABC"]
    print("main created", [t.get_name() for t in ts])
    print("gather ->", await asyncio.gather(*ts))
    await asyncio.sleep(0)
    print("main done", who())


asyncio.run(main())
