# wait_for over a plain future, with the waiting task cancelled on every iteration in turn (a
# ticker callback cancels it at tick N): with a zero timeout (cancelled before, during and after
# the timeout's own cancel-and-wait), a long timeout with the future completed on tick 2, and no
# timeout; plus completion and cancellation requested in one callback (in both orders), and a
# future completed while the loop is blocked past the timeout (the timer and the completion are
# due in one iteration). Each line: the outcome, the future's state, cancelling().
import asyncio
import time


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
        fn = self.at.get(self.n)
        if fn is not None:
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


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    async def waiter(f, to):
        try:
            r = await asyncio.wait_for(f, to)
            return "result " + repr(r)
        except TimeoutError:
            return "TimeoutError"

    async def one(label, to, cancel_at, complete_at=None):
        f = loop.create_future()
        t = asyncio.create_task(waiter(f, to))
        tk.start(10)
        if cancel_at is not None:
            tk.at[cancel_at] = lambda: print("  tick", cancel_at, "cancel ->", t.cancel("at %d" % cancel_at))
        if complete_at is not None:
            prev = tk.at.get(complete_at)

            def complete():
                if not f.done():
                    f.set_result("F")
                    print("  tick", complete_at, "future set")
                if prev:
                    prev()
            tk.at[complete_at] = complete
        try:
            out = await t
        except asyncio.CancelledError as e:
            out = "CancelledError " + repr(str(e))
        print(label, "cancel at", cancel_at, "->", out, "| at tick", tk.n, "| future", fstate(f), "| cancelling", t.cancelling())
        await drain(10)

    print("-- timeout 0, the task cancelled at each tick")
    for n in (None, 1, 2, 3, 4):
        await one("to=0", 0, n)

    print("-- timeout 100, the future completed at tick 2, the task cancelled at each tick")
    for n in (None, 1, 2, 3, 4):
        await one("to=100", 100, n, complete_at=2)

    print("-- no timeout, the future completed at tick 2, the task cancelled at each tick")
    for n in (None, 1, 2, 3):
        await one("to=None", None, n, complete_at=2)

    print("-- completion and cancellation in one callback")
    for to in (None, 100):
        for order in ("set then cancel", "cancel then set"):
            f = loop.create_future()
            t = asyncio.create_task(waiter(f, to))
            await asyncio.sleep(0)

            def both():
                if order == "set then cancel":
                    f.set_result("F")
                    print("  cancel ->", t.cancel("both"))
                else:
                    print("  cancel ->", t.cancel("both"), "future done", f.done())
                    if not f.done():
                        f.set_result("F")
            loop.call_soon(both)
            try:
                out = await t
            except asyncio.CancelledError as e:
                out = "CancelledError " + repr(str(e))
            print(to, order, "->", out, "| future", fstate(f), "| cancelling", t.cancelling())

    print("-- the loop blocked past the timeout, the future completed meanwhile")
    f = loop.create_future()
    t = asyncio.create_task(waiter(f, 0.1))
    await asyncio.sleep(0)

    def block_then_set():
        time.sleep(0.35)
        f.set_result("blocked")
    loop.call_soon(block_then_set)
    print("blocked ->", await t, "| future", fstate(f))

    print("-- the loop still works")
    print(await asyncio.wait_for(asyncio.sleep(0, "fine"), 0.5))


asyncio.run(main())
