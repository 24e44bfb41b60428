import asyncio

# as_completed's awaitables handed to several consumers at once: all of them collected first
# and run as tasks started in reverse order (each takes the next completion in the order the
# consumers started waiting, whichever awaitable it holds), gather() over them with and
# without return_exceptions under a timeout, a consumer cancelled while it waits (its
# completion goes to the next one), a cancelled input (the consumer gets its CancelledError but
# is not itself cancelled), the same awaitable awaited twice, and how many iterations each
# await takes once the timeout has passed (none: the TimeoutError is queued).

ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


def desc(x):
    if isinstance(x, BaseException):
        return type(x).__name__ + "(" + repr(str(x)) + ")"
    return repr(x)


async def consumer(label, aw, count=True):
    me = asyncio.current_task()
    t0 = ticks
    try:
        r = await aw
        print("  ", label, "got", repr(r), "after", ticks - t0, "ticks")
        return r
    except asyncio.CancelledError as e:
        print("  ", label, "CancelledError", repr(str(e)), "cancelling", me.cancelling())
        if me.cancelling():
            raise
        return "input cancelled"
    except (asyncio.TimeoutError, ValueError) as e:
        print("  ", label, desc(e), "after", ticks - t0 if count else "some", "ticks")
        return type(e).__name__


async def main():
    loop = asyncio.get_running_loop()
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    print("-- all awaitables collected, consumers started in reverse order")
    fs = [loop.create_future() for _ in range(4)]
    aws = list(asyncio.as_completed(fs))
    print("count", len(aws))
    tasks = [asyncio.create_task(consumer("c%d" % i, aws[i])) for i in (3, 2, 1, 0)]
    await asyncio.sleep(0)
    loop.call_soon(fs[2].set_result, "f2")
    loop.call_soon(fs[0].set_exception, ValueError("f0 bad"))
    await asyncio.sleep(0)
    fs[3].cancel("f3 gone")
    fs[1].set_result("f1")
    for t in tasks:
        print("  task returned", repr(await t))

    print("-- gather over them, timeout passes")
    fs = [loop.create_future() for _ in range(3)]
    loop.call_soon(fs[1].set_result, "one")
    loop.call_later(0.01, fs[0].set_result, "zero")
    g = asyncio.gather(*asyncio.as_completed(fs, timeout=0.1), return_exceptions=True)
    r = await g
    print("  return_exceptions ->", [desc(x) for x in r])
    print("  fs[2] done", fs[2].done())
    fs[2].set_result("after")

    fs = [loop.create_future() for _ in range(3)]
    loop.call_soon(fs[2].set_result, "two")
    g = asyncio.gather(*asyncio.as_completed(fs, timeout=0.05))
    try:
        await g
    except asyncio.TimeoutError as e:
        print("  gather raised", desc(e))
    await asyncio.sleep(0)
    print("  children: all done after one more iteration", g.done())
    fs[0].set_exception(ValueError("late failure"))
    print("  late failure retrieved", desc(fs[0].exception()))

    print("-- a waiting consumer cancelled: its completion goes to the next")
    fs = [loop.create_future() for _ in range(2)]
    it = iter(asyncio.as_completed(fs))
    a = asyncio.create_task(consumer("a", next(it)))
    b = asyncio.create_task(consumer("b", next(it)))
    await asyncio.sleep(0)
    fs[0].set_result("first")
    print("  cancel a ->", a.cancel("a out"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  a", "cancelled" if a.cancelled() else a.result(), "b", b.result() if b.done() else "pending")
    print("  leftover iterator", [type(x).__name__ for x in it])
    fs[1].set_result("second")
    await asyncio.sleep(0)

    print("-- timeout passes, then every await raises at once")
    fs = [loop.create_future() for _ in range(3)]
    aws = list(asyncio.as_completed(fs, timeout=0.05))
    w = asyncio.create_task(consumer("early", aws[0], False))
    await asyncio.sleep(0.1)
    print("  early done", w.done())
    fs[0].set_result("too late")
    for i, aw in enumerate(aws[1:]):
        await consumer("late%d" % i, aw)
    print("  reuse:")
    try:
        await aws[1]
    except RuntimeError as e:
        print("  ", desc(e))

    print("-- an exhausted as_completed gives nothing more")
    f = loop.create_future()
    f.set_result("x")
    ac = asyncio.as_completed([f, f])
    first = [x for x in ac]
    print("  first pass", len(first), "second pass", len([x for x in ac]))
    print("  value", await first[0])
    tk.cancel()


asyncio.run(main())
