# wait_for given futures (not coroutines): done / failed / cancelled / pending futures, a gather
# and a shield, with every kind of timeout (None, 0, -0.0, negative, inf, large); a ticker
# callback prints each loop iteration so the trace shows how many iterations each wait_for takes,
# when the future is cancelled on timeout, its done callbacks against the waiter's, and the
# errors (type, message, cause).
import asyncio
import math


class Ticker:
    def __init__(self, loop):
        self.loop = loop
        self.n = 0
        self.left = 0

    def start(self, k):
        self.n = 0
        self.left = k
        self.loop.call_soon(self.tick)

    def tick(self):
        self.n += 1
        print("  tick", self.n)
        self.left -= 1
        if self.left > 0:
            self.loop.call_soon(self.tick)


async def drain(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    async def run(label, aw, timeout):
        tk.start(5)
        try:
            r = await asyncio.wait_for(aw, timeout)
            print(label, "->", repr(r), "at tick", tk.n)
        except TimeoutError as e:
            print(label, "-> TimeoutError", repr(str(e)), "cause", type(e.__cause__).__name__, "at tick", tk.n)
        except asyncio.CancelledError as e:
            print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n)
        except Exception as e:
            print(label, "->", type(e).__name__, repr(e), "at tick", tk.n)
        await drain(5)

    def fut(state=None):
        f = loop.create_future()
        if state == "ok":
            f.set_result("v")
        elif state == "err":
            f.set_exception(ValueError("bad"))
        elif state == "cancel":
            f.cancel("pre")
        return f

    timeouts = [("None", None), ("0", 0), ("-0.0", -0.0), ("-3", -3), ("inf", math.inf), ("100", 100)]

    print("-- done futures with every timeout")
    for state in ("ok", "err", "cancel"):
        for name, to in timeouts:
            await run(state + " " + name, fut(state), to)

    print("-- pending future, zero or negative timeout: cancelled, TimeoutError")
    for name, to in timeouts[1:4]:
        f = fut()
        f.add_done_callback(lambda f: print("  future callback at tick", tk.n, "cancelled", f.cancelled()))
        await run("pending " + name, f, to)

    print("-- pending future completed two iterations later, no or long timeout")
    for name, to in (timeouts[0], timeouts[4], timeouts[5]):
        f = fut()
        loop.call_soon(lambda f=f: loop.call_soon(f.set_result, "later"))
        f.add_done_callback(lambda f: print("  future callback at tick", tk.n))
        await run("later " + name, f, to)

    print("-- pending future failing later")
    f = fut()
    loop.call_soon(f.set_exception, KeyError("k"))
    await run("fails later", f, 100)

    print("-- pending future cancelled by someone else")
    f = fut()
    loop.call_soon(f.cancel, "by other")
    await run("cancelled later", f, 100)
    f = fut()
    loop.call_soon(f.cancel, "by other")
    await run("cancelled later, no timeout", f, None)

    print("-- the waiting task is cancelled: the future is cancelled too, message kept?")
    async def waiter(to):
        return await asyncio.wait_for(f, to)
    for name, to in (timeouts[0], timeouts[5]):
        f = fut()
        f.add_done_callback(lambda f: print("  future callback at tick", tk.n, "cancelled", f.cancelled()))
        w = asyncio.create_task(waiter(to))
        tk.start(6)
        await asyncio.sleep(0)
        print("cancel waiter", w.cancel("outer msg"), "at tick", tk.n)
        try:
            await w
        except asyncio.CancelledError as e:
            print(name, "waiter CancelledError", repr(str(e)), "at tick", tk.n, "cancelling", w.cancelling())
        try:
            f.result()
        except asyncio.CancelledError as e:
            print("future's CancelledError", repr(str(e)))
        await drain(6)

    print("-- a gather as the future: timeout 0 cancels its children")
    async def child(n):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  child", n, "cancelled at tick", tk.n, repr(str(e)))
            raise
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(0)
    await run("gather 0", g, 0)
    print("gather cancelled", g.cancelled())

    print("-- a gather with return_exceptions as the future, timeout fires: children cancelled")
    g = asyncio.gather(child(3), child(4), return_exceptions=True)
    await asyncio.sleep(0)
    await run("gather rx 0", g, 0)
    print("gather cancelled", g.cancelled())

    print("-- a shield as the future: timeout 0 cancels the shield, not the inner future")
    inner = fut()
    sh = asyncio.shield(inner)
    await run("shield 0", sh, 0)
    print("shield cancelled", sh.cancelled(), "inner done", inner.done())
    inner.set_result("inner")
    await run("shield of a done inner, no timeout", asyncio.shield(inner), None)

    print("-- the same pending future waited on twice, one times out")
    f = fut()
    other = asyncio.create_task(asyncio.wait_for(f, None))
    await asyncio.sleep(0)
    await run("second waiter 0", f, 0)
    try:
        await other
    except asyncio.CancelledError as e:
        print("other waiter CancelledError", repr(str(e)))

    print("-- the loop still works")
    print(await asyncio.wait_for(asyncio.sleep(0, "fine"), 1))


asyncio.run(main())
