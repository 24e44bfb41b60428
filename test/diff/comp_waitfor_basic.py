import asyncio

async def inner(name, delay, result=None, exc=None, on_cancel=None):
    print("inner start", name)
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print("inner cancelled", name)
        if on_cancel == "swallow":
            return "swallowed"
        if on_cancel == "raise":
            raise ValueError("cleanup failed")
        if on_cancel == "slow":
            await asyncio.sleep(0.01)
            print("inner slow cleanup done", name)
        raise
    finally:
        print("inner finally", name)
    if exc is not None:
        raise exc
    print("inner end", name)
    return result

async def attempt(label, aw, timeout):
    try:
        r = await asyncio.wait_for(aw, timeout)
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))

async def main():
    loop = asyncio.get_running_loop()
    await attempt("success", inner("s", 0.002, "ok"), 0.05)
    await attempt("timeout", inner("t", 0.05, "late"), 0.005)
    await attempt("slow cleanup", inner("sc", 0.05, on_cancel="slow"), 0.005)
    await attempt("inner error", inner("e", 0.002, exc=ValueError("bad")), 0.05)
    await attempt("swallow", inner("sw", 0.05, on_cancel="swallow"), 0.005)
    await attempt("cleanup raises", inner("cr", 0.05, on_cancel="raise"), 0.005)
    await attempt("none", inner("n", 0.005, "no timeout"), None)

    print("-- timeout <= 0")
    await attempt("zero coro", inner("z", 0.001, "zz"), 0)
    await attempt("negative coro", inner("neg", 0.001, "nn"), -1)
    f = loop.create_future()
    f.set_result("ready")
    await attempt("zero done future", f, 0)
    t = asyncio.create_task(inner("zt", 0.05))
    await asyncio.sleep(0)
    await attempt("zero running task", t, 0)
    print("task cancelled", t.cancelled())

    print("-- futures and tasks")
    f = loop.create_future()
    await attempt("future timeout", f, 0.002)
    print("future cancelled", f.cancelled())
    f = loop.create_future()
    loop.call_later(0.002, f.set_result, 42)
    await attempt("future ok", f, 0.05)
    t = asyncio.create_task(inner("shielded", 0.02, "still here"))
    await attempt("shielded", asyncio.shield(t), 0.002)
    print("shielded task done?", t.done())
    print("shielded result", await t)

asyncio.run(main())
