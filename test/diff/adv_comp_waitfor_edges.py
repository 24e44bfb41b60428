import asyncio

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def body(name, mode="raise", delay=10):
    print("body start", name)
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print("body cancelled", name, repr(str(e)), "cancelling", asyncio.current_task().cancelling())
        if mode == "swallow":
            return "swallowed-" + name
        if mode == "other":
            raise KeyError(name)
        if mode == "slow":
            await ticks(2)
            print("body slow cleanup done", name)
            return "late-" + name
        raise
    return name

async def run(label, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        print(label, "->", repr(r))
    except TimeoutError as e:
        print(label, "-> TimeoutError", repr(str(e)), "cause", type(e.__cause__).__name__)
    except asyncio.CancelledError as e:
        print(label, "-> CancelledError", repr(str(e)))
    except Exception as e:
        print(label, "->", type(e).__name__, repr(e))

async def main():
    loop = asyncio.get_running_loop()

    print("-- timeout=0 on done futures")
    f = loop.create_future(); f.set_result("done-value")
    await run("done result", f, 0)
    f = loop.create_future(); f.set_exception(ValueError("done-exc"))
    await run("done exception", f, 0)
    f = loop.create_future(); f.cancel("pre")
    await run("done cancelled", f, 0)
    t = asyncio.create_task(body("finished", delay=0))
    await ticks(2)
    print("task done", t.done())
    await run("finished task", t, 0)
    await run("done cancelled, negative", f, -5)

    print("-- timeout=0 on pending things")
    f = loop.create_future()
    await run("pending future", f, 0)
    print("future cancelled", f.cancelled())
    c = body("coro0")
    await run("coroutine", c, 0)
    t = asyncio.create_task(body("task0"))
    await run("unstarted task", t, 0)
    print("task cancelled", t.cancelled())
    t = asyncio.create_task(body("task1"))
    await ticks(1)
    await run("started task", t, 0)
    t = asyncio.create_task(body("sw0", "swallow"))
    await ticks(1)
    await run("swallowing task, timeout 0", t, 0)
    t = asyncio.create_task(body("oth0", "other"))
    await ticks(1)
    await run("converting task, timeout 0", t, -1)

    print("-- positive timeout, inner swallows / converts / slow cleanup")
    await run("swallow", body("sw", "swallow"), 0.01)
    await run("other", body("ot", "other"), 0.01)
    await run("slow", body("sl", "slow"), 0.01)
    print("current cancelling", asyncio.current_task().cancelling())

    print("-- positive timeout, already-done future")
    f = loop.create_future(); f.set_result("ready")
    await run("done ready", f, 5)

    print("-- timeout None with a done future and a coroutine")
    await run("none done", f, None)
    await run("none coro", body("nn", delay=0), None)

asyncio.run(main())
