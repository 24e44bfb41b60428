import asyncio

# How many loop iterations an await takes when its input is already done (a result, an
# exception, a cancellation, a finished task) or is a coroutine that returns at once: wait_for
# with a timeout, None and 0, gather (with and without return_exceptions), shield (none: it
# returns its done input), wait (also FIRST_EXCEPTION and timeout 0), as_completed (also
# timeout 0), an empty gather, timeout() blocks (1 and 0) around a done await and a sleep(0),
# and a TaskGroup. A ticker task counts iterations; the loop keeps working after each error.

ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def measure(label, mk):
    t0 = ticks
    try:
        r = await mk()
        if isinstance(r, tuple):
            out = "pair %d %d" % (len(r[0]), len(r[1]))
        elif isinstance(r, list):
            out = "[" + ", ".join(type(x).__name__ if isinstance(x, BaseException) else repr(x) for x in r) + "]"
        else:
            out = repr(r)
    except BaseException as e:
        out = type(e).__name__
    print(label, out, ticks - t0)


async def quick():
    return "q"


async def main():
    loop = asyncio.get_running_loop()
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    d = loop.create_future()
    d.set_result("d")
    e = loop.create_future()
    e.set_exception(ValueError("e"))
    c = loop.create_future()
    c.cancel()
    dt = asyncio.create_task(quick())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for name, f in (("done", d), ("failed", e), ("cancelled", c), ("task", dt)):
        await measure(name + " wait_for", lambda: asyncio.wait_for(f, 1))
        await measure(name + " wait_for None", lambda: asyncio.wait_for(f, None))
        await measure(name + " wait_for 0", lambda: asyncio.wait_for(f, 0))
        await measure(name + " gather", lambda: asyncio.gather(f))
        await measure(name + " gather rx", lambda: asyncio.gather(f, return_exceptions=True))
        await measure(name + " shield", lambda: asyncio.shield(f))
        await measure(name + " wait", lambda: asyncio.wait([f]))
        await measure(name + " wait FE", lambda: asyncio.wait([f], return_when=asyncio.FIRST_EXCEPTION))
        await measure(name + " wait 0", lambda: asyncio.wait([f], timeout=0))
        await measure(name + " as_completed", lambda: next(iter(asyncio.as_completed([f]))))
        await measure(name + " as_completed t0", lambda: next(iter(asyncio.as_completed([f], timeout=0))))
    await measure("coro wait_for", lambda: asyncio.wait_for(quick(), 1))
    await measure("coro wait_for 0", lambda: asyncio.wait_for(quick(), 0))
    await measure("coro wait_for None", lambda: asyncio.wait_for(quick(), None))
    await measure("coro gather", lambda: asyncio.gather(quick()))
    await measure("coro shield", lambda: asyncio.shield(quick()))
    await measure("coro as_completed", lambda: next(iter(asyncio.as_completed([quick()]))))
    await measure("gather empty", lambda: asyncio.gather())
    async def tmo():
        async with asyncio.timeout(1):
            return await d
    await measure("timeout done", tmo)
    async def tmo0():
        async with asyncio.timeout(0):
            return await d
    await measure("timeout 0 done", tmo0)
    async def tmo0s():
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
    await measure("timeout 0 sleep0", tmo0s)
    async def tg():
        async with asyncio.TaskGroup() as g:
            g.create_task(quick())
        return "tg"
    await measure("taskgroup", tg)
    tk.cancel()
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
