# The task awaiting a composition over a plain future is cancelled on each iteration in turn (a
# ticker callback cancels it at tick N) while the future is completed at tick 2: gather, gather
# with return_exceptions, a nested gather, wait in each mode, wait with a zero timeout, shield,
# a shield chain, the first of as_completed; each line shows what the await gave, the future's
# state (cancelled through the composition or not) and cancelling().
import asyncio


class Ticker:
    def __init__(self, loop):
        self.loop = loop
        self.n = 0
        self.left = 0
        self.at = {}

    def start(self, k):
        self.n = 0
        self.left = k
        self.at = {}
        self.loop.call_soon(self.tick)

    def tick(self):
        self.n += 1
        for fn in self.at.get(self.n, ()):
            fn()
        self.left -= 1
        if self.left > 0:
            self.loop.call_soon(self.tick)


async def drain(n):
    for _ in range(n):
        await asyncio.sleep(0)


def fstate(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    return "result " + repr(f.result())


async def first(it):
    for aw in it:
        return await aw


async def wait_mode(f, mode, timeout=None):
    d, p = await asyncio.wait([f], return_when=mode, timeout=timeout)
    return "wait done %d pending %d" % (len(d), len(p))


COMBOS = [
    ("gather", lambda f: asyncio.gather(f)),
    ("gather rx", lambda f: asyncio.gather(f, return_exceptions=True)),
    ("gather nested", lambda f: asyncio.gather(asyncio.gather(f))),
    ("wait ALL", lambda f: wait_mode(f, asyncio.ALL_COMPLETED)),
    ("wait FIRST", lambda f: wait_mode(f, asyncio.FIRST_COMPLETED)),
    ("wait EXC", lambda f: wait_mode(f, asyncio.FIRST_EXCEPTION)),
    ("wait 0", lambda f: wait_mode(f, asyncio.ALL_COMPLETED, 0)),
    ("shield", lambda f: asyncio.shield(f)),
    ("shield x2", lambda f: asyncio.shield(asyncio.shield(f))),
    ("as_completed", lambda f: first(asyncio.as_completed([f]))),
]


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    async def holder(f, combo):
        return await combo(f)

    for cname, combo in COMBOS:
        print("--", cname)
        for n in (None, 1, 2, 3, 4):
            f = loop.create_future()
            t = asyncio.create_task(holder(f, combo))
            tk.start(10)

            def complete():
                if not f.done():
                    f.set_result("F")
                    print("  tick 2 future set")
            tk.at.setdefault(2, []).append(complete)
            if n is not None:
                tk.at.setdefault(n, []).append(lambda n=n: print("  tick", n, "cancel ->", t.cancel("at %d" % n)))
            try:
                out = await t
            except asyncio.CancelledError as e:
                out = "CancelledError " + repr(str(e))
            print(cname, "cancel at", n, "->", out, "| at tick", tk.n, "| future", fstate(f), "| cancelling", t.cancelling())
            await drain(10)

    print("-- the loop still works")
    print(await asyncio.gather(asyncio.sleep(0, "fine")))


asyncio.run(main())
