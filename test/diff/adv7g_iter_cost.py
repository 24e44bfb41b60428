# How many loop iterations each composition takes: gather, wait (each mode), wait_for (no timeout,
# a long one, zero), shield, as_completed, ensure_future and a task, over a done future, a future
# completed by a callback on the first iteration, and a coroutine that returns at once; a ticker
# callback prints the iteration count when each await returns, and the order of the first
# iteration's callbacks is shown with a marker scheduled just after the call.
import asyncio


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
        self.left -= 1
        if self.left > 0:
            self.loop.call_soon(self.tick)


async def drain(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def quick():
    return "q"


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    def done():
        f = loop.create_future()
        f.set_result("d")
        return f

    def soon():
        f = loop.create_future()
        loop.call_soon(f.set_result, "s")
        return f

    async def first(it):
        for aw in it:
            return await aw

    async def wait_mode(aw, mode):
        d, p = await asyncio.wait([aw], return_when=mode)
        return len(d), len(p)

    combos = [
        ("bare await", lambda x: x),
        ("gather", lambda x: asyncio.gather(x)),
        ("gather x2", lambda x: asyncio.gather(asyncio.gather(x))),
        ("gather rx", lambda x: asyncio.gather(x, return_exceptions=True)),
        ("wait ALL", lambda x: wait_mode(x, asyncio.ALL_COMPLETED)),
        ("wait FIRST", lambda x: wait_mode(x, asyncio.FIRST_COMPLETED)),
        ("wait EXC", lambda x: wait_mode(x, asyncio.FIRST_EXCEPTION)),
        ("wait_for None", lambda x: asyncio.wait_for(x, None)),
        ("wait_for 100", lambda x: asyncio.wait_for(x, 100)),
        ("shield", lambda x: asyncio.shield(x)),
        ("shield x2", lambda x: asyncio.shield(asyncio.shield(x))),
        ("as_completed", lambda x: first(asyncio.as_completed([x]))),
        ("ensure_future", lambda x: asyncio.ensure_future(x)),
        ("task of wait_for", lambda x: asyncio.create_task(asyncio.wait_for(x, 100))),
        ("task of gather", lambda x: asyncio.ensure_future(asyncio.gather(x))),
    ]
    makers = [("done future", done), ("soon future", soon), ("coroutine", quick)]
    for mname, make in makers:
        print("--", mname)
        for cname, combo in combos:
            if mname == "coroutine" and (cname == "bare await" or cname.startswith("wait ")):
                continue  # wait() refuses coroutines in 3.11
            tk.start(12)
            aw = combo(make())
            loop.call_soon(lambda: print("  marker at tick", tk.n))
            r = await aw
            print(cname, "->", r, "at tick", tk.n)
            await drain(12)

    print("-- zero timeouts")
    for mname, make in makers:
        tk.start(12)
        try:
            r = await asyncio.wait_for(make(), 0)
            print("wait_for 0", mname, "->", r, "at tick", tk.n)
        except TimeoutError:
            print("wait_for 0", mname, "-> TimeoutError at tick", tk.n)
        await drain(12)
        tk.start(12)
        x = asyncio.ensure_future(make())
        d, p = await asyncio.wait([x], timeout=0)
        print("wait 0", mname, "->", len(d), len(p), "at tick", tk.n)
        await x
        await drain(12)


asyncio.run(main())
