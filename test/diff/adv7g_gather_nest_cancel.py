# nested gathers cancelled from outside (the outer gather, the awaiting task, one inner gather)
# and from inside (a child cancels the gather that holds it, a child cancels itself); with and
# without return_exceptions at each level; cancel() after the children are done but before the
# gather's callback ran; the messages, the states (cancelled vs. an exception CancelledError)
# and the iteration on which each layer settles (a ticker prints every loop iteration).
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
        print("  tick", self.n)
        self.left -= 1
        if self.left > 0:
            self.loop.call_soon(self.tick)


async def drain(n):
    for _ in range(n):
        await asyncio.sleep(0)


def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    e = f.exception()
    if e is not None:
        return "exc %s(%r)" % (type(e).__name__, str(e))
    return "result " + repr(f.result())


def show_res(res):
    return [("%s(%r)" % (type(x).__name__, str(x))) if isinstance(x, BaseException)
            else show_res(x) if isinstance(x, list) else x for x in res]


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    async def work(name, n, result=None):
        try:
            for _ in range(n):
                await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("  work", name, "cancelled at tick", tk.n, repr(str(e)))
            raise
        print("  work", name, "ends at tick", tk.n)
        return result

    async def attempt(label, aw):
        try:
            r = await aw
            print(label, "->", show_res(r) if isinstance(r, list) else r, "at tick", tk.n)
        except asyncio.CancelledError as e:
            print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n)
        except Exception as e:
            print(label, "->", type(e).__name__, repr(str(e)), "at tick", tk.n)

    print("-- the outer gather is cancelled with a message")
    i1 = asyncio.gather(work("a", 5), work("b", 5))
    i2 = asyncio.gather(work("c", 5))
    outer = asyncio.gather(i1, i2)
    tk.start(5)
    await asyncio.sleep(0)
    print("cancel outer", outer.cancel("outer msg"))
    await attempt("outer", outer)
    print("i1", state(i1), "i2", state(i2), "outer", state(outer))
    await drain(5)

    print("-- one inner gather is cancelled: the outer fails with CancelledError, the sibling goes on")
    i1 = asyncio.gather(work("d", 5))
    i2 = asyncio.gather(work("e", 2, "E"))
    outer = asyncio.gather(i1, i2)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel i1", i1.cancel("i1 msg"))
    await attempt("outer", outer)
    print("i1", state(i1), "i2", state(i2), "outer", state(outer))
    await attempt("i2", i2)
    await drain(5)

    print("-- the same, outer with return_exceptions")
    i1 = asyncio.gather(work("f", 5))
    i2 = asyncio.gather(work("g", 1, "G"))
    outer = asyncio.gather(i1, i2, return_exceptions=True)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel i1", i1.cancel("i1 msg"))
    await attempt("outer rx", outer)
    print("i1", state(i1), "outer", show_res(outer.result()))
    await drain(5)

    print("-- a child cancels the gather that holds it")
    holder = {}

    async def traitor():
        await asyncio.sleep(0)
        print("  traitor cancels the gather at tick", tk.n, holder["g"].cancel("from inside"))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("  traitor cancelled at its next await", repr(str(e)))
            raise
    holder["g"] = asyncio.gather(traitor(), work("h", 5))
    outer = asyncio.gather(holder["g"], work("i", 1, "I"))
    tk.start(6)
    await attempt("outer", outer)
    print("inner", state(holder["g"]), "outer", state(outer))
    await drain(6)

    print("-- a child cancels itself: inner gather without, outer with return_exceptions")
    async def quitter():
        await asyncio.sleep(0)
        asyncio.current_task().cancel("self msg")
        await asyncio.sleep(0)
    inner = asyncio.gather(quitter(), work("j", 4, "J"))
    outer = asyncio.gather(inner, work("k", 1, "K"), return_exceptions=True)
    tk.start(6)
    await attempt("outer rx", outer)
    print("inner", state(inner))
    await drain(6)

    print("-- a child raises CancelledError itself (not cancelled): both levels")
    async def raiser():
        await asyncio.sleep(0)
        raise asyncio.CancelledError("raised msg")
    inner = asyncio.gather(raiser(), return_exceptions=True)
    outer = asyncio.gather(inner, asyncio.gather(raiser()), return_exceptions=True)
    await attempt("outer rx", outer)

    print("-- the task awaiting a nested gather is cancelled")
    g = asyncio.gather(asyncio.gather(work("l", 5), work("m", 5)), work("n", 5))

    async def awaiter():
        try:
            return await g
        finally:
            print("  awaiter cancelling", asyncio.current_task().cancelling())
    t = asyncio.create_task(awaiter())
    tk.start(5)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel awaiter", t.cancel("task msg"))
    await attempt("awaiter", t)
    print("g", state(g))
    await drain(5)

    print("-- cancel() after every child is done, before the gather's callback ran")
    a = loop.create_future()
    b = loop.create_future()
    g = asyncio.gather(a, b)
    outer = asyncio.gather(g)
    a.set_result(1)
    b.set_result(2)
    print("cancel g", g.cancel("too late"), "cancel outer", outer.cancel("too late"), g.done())
    await attempt("outer", outer)
    print("g", state(g))

    print("-- cancel() twice, different messages: which one wins")
    g = asyncio.gather(work("o", 5), work("p", 5))
    await asyncio.sleep(0)
    print("cancel 1", g.cancel("first"), "cancel 2", g.cancel("second"))
    await attempt("g", g)

    print("-- the loop still works")
    print(await asyncio.gather(asyncio.gather(asyncio.sleep(0, 1)), asyncio.sleep(0, 2)))


asyncio.run(main())
