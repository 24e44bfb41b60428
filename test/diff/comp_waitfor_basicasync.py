import asyncio

# The inner awaitables either finish after a few loop iterations (n) or never (n=None) unless
# cancelled or released, so each timeout either surely fires or surely does not.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def inner(name, n=None, result=None, exc=None, on_cancel=None, gate=None):
    print("inner start", name)
    try:
        if gate is not None:
            await gate
        elif n is None:
            await asyncio.sleep(10)
        else:
            await ticks(n)
    except asyncio.CancelledError:
        print("inner cancelled", name)
        if on_cancel == "swallow":
            return "swallowed"
        if on_cancel == "raise":
            raise ValueError("cleanup failed")
        if on_cancel == "slow":
            await ticks(3)
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
    await attempt("success", inner("s", 2, "ok"), 10)
    await attempt("timeout", inner("t"), 0.005)
    await attempt("slow cleanup", inner("sc", on_cancel="slow"), 0.005)
    await attempt("inner error", inner("e", 2, exc=ValueError("bad")), 10)
    await attempt("swallow", inner("sw", on_cancel="swallow"), 0.005)
    await attempt("cleanup raises", inner("cr", on_cancel="raise"), 0.005)
    await attempt("none", inner("n", 2, "no timeout"), None)

    print("-- timeout <= 0")
    await attempt("zero coro", inner("z", 1, "zz"), 0)
    await attempt("negative coro", inner("neg", 1, "nn"), -1)
    f = loop.create_future()
    f.set_result("ready")
    await attempt("zero done future", f, 0)
    t = asyncio.create_task(inner("zt"))
    await asyncio.sleep(0)
    await attempt("zero running task", t, 0)
    print("task cancelled", t.cancelled())

    print("-- futures and tasks")
    f = loop.create_future()
    await attempt("future timeout", f, 0.002)
    print("future cancelled", f.cancelled())
    f = loop.create_future()
    loop.call_soon(f.set_result, 42)
    await attempt("future ok", f, 10)
    gate = loop.create_future()
    t = asyncio.create_task(inner("shielded", gate=gate, result="still here"))
    await attempt("shielded", asyncio.shield(t), 0.002)
    print("shielded task done?", t.done())
    gate.set_result(None)
    print("shielded result", await t)

asyncio.run(main())
