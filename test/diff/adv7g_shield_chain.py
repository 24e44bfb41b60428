# shield chains and shields of gathers: shield(shield(shield(x))) cancelled at each layer, the
# inner work surviving; a shield of a gather whose child fails or is cancelled; cancelling the
# gather under a shield; a shield of an already-done gather; with a ticker printing each loop
# iteration, to show how many iterations each layer adds to a result.
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


async def work(name, n, result=None, exc=None):
    try:
        for _ in range(n):
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  work", name, "cancelled", repr(str(e)))
        raise
    print("  work", name, "ends")
    if exc is not None:
        raise exc
    return result


def state(f):
    if not f.done():
        return "pending"
    if f.cancelled():
        return "cancelled"
    if f.exception() is not None:
        return "exception " + repr(f.exception())
    return "result " + repr(f.result())


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    print("-- a chain of three shields over a future set later: iterations per layer")
    f = loop.create_future()
    s1 = asyncio.shield(f)
    s2 = asyncio.shield(s1)
    s3 = asyncio.shield(s2)
    for name, x in (("f", f), ("s1", s1), ("s2", s2), ("s3", s3)):
        x.add_done_callback(lambda _, name=name: print("  done:", name, "at tick", tk.n))
    tk.start(6)
    loop.call_soon(f.set_result, "F")
    print("s3 ->", await s3, "at tick", tk.n)
    await drain(6)

    print("-- cancel each layer of a chain in turn; the rest survive")
    f = loop.create_future()
    s1 = asyncio.shield(f)
    s2 = asyncio.shield(s1)
    s3 = asyncio.shield(s2)
    print("cancel s2", s2.cancel("s2 msg"), "s3", state(s3), "s1", state(s1))
    await asyncio.sleep(0)
    print("after a tick: s3", state(s3), "s2", state(s2), "s1", state(s1), "f", state(f))
    print("cancel s3 again", s3.cancel())
    f.set_result("late")
    await drain(3)
    print("s1", state(s1), "s2", state(s2), "s3", state(s3))

    print("-- a chain whose innermost future is cancelled: every layer ends cancelled")
    f = loop.create_future()
    s1 = asyncio.shield(f)
    s3 = asyncio.shield(asyncio.shield(s1))
    tk.start(5)
    loop.call_soon(f.cancel, "inner msg")
    try:
        await s3
    except asyncio.CancelledError as e:
        print("s3 CancelledError", repr(str(e)), "at tick", tk.n)
    await drain(5)

    print("-- a chain whose innermost future fails: every layer carries the same exception")
    f = loop.create_future()
    s1 = asyncio.shield(f)
    s2 = asyncio.shield(s1)
    f.set_exception(KeyError("k"))
    try:
        await s2
    except KeyError as e:
        print("s2 raised", repr(e), e is f.exception(), s1.exception() is f.exception())

    print("-- the awaiting task is cancelled at the outer shield: inner work keeps going")
    t = asyncio.create_task(work("w1", 3, "W1"))

    async def waiter():
        return await asyncio.shield(asyncio.shield(t))
    w = asyncio.create_task(waiter())
    tk.start(7)
    await asyncio.sleep(0)
    w.cancel("waiter msg")
    try:
        await w
    except asyncio.CancelledError as e:
        print("waiter CancelledError", repr(str(e)), "at tick", tk.n)
    print("t ->", await t, "at tick", tk.n)
    await drain(6)

    print("-- shield of a gather: a child fails")
    a = asyncio.create_task(work("a", 1, exc=ValueError("a")))
    b = asyncio.create_task(work("b", 3, "B"))
    g = asyncio.gather(a, b)
    sh = asyncio.shield(g)
    tk.start(6)
    try:
        await sh
    except ValueError as e:
        print("shield raised", repr(e), "at tick", tk.n, "g", state(g), "b", state(b))
    print("b ->", await b)
    await drain(4)

    print("-- shield of a gather, the shield is cancelled: the gather and children go on")
    a = asyncio.create_task(work("c", 2, "C"))
    g = asyncio.gather(a, work("d", 1, "D"))
    sh = asyncio.shield(g)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel shield", sh.cancel("sh msg"))
    try:
        await sh
    except asyncio.CancelledError as e:
        print("shield CancelledError", repr(str(e)), "at tick", tk.n, "g", state(g))
    print("g ->", await g, "at tick", tk.n)
    await drain(5)

    print("-- shield of a gather, the gather is cancelled: the shield reports it")
    g = asyncio.gather(work("e", 5, "E"), work("f", 5, "F"))
    sh = asyncio.shield(g)
    sh.add_done_callback(lambda f: print("  shield done at tick", tk.n, state(f)))
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel gather", g.cancel("g msg"))
    try:
        await sh
    except asyncio.CancelledError as e:
        print("shield CancelledError", repr(str(e)), "at tick", tk.n, "g", state(g))
    await drain(5)

    print("-- shield of a done gather and of a gather of done futures")
    g = asyncio.gather()
    print("empty gather shield ->", await asyncio.shield(g))
    d = loop.create_future()
    d.set_result(1)
    g = asyncio.gather(d, d)
    sh = asyncio.shield(g)
    tk.start(4)
    print("shield ->", await sh, "at tick", tk.n)
    await drain(4)

    print("-- gather of shields of the same task, one shield cancelled")
    t = asyncio.create_task(work("g", 2, "G"))
    s1, s2 = asyncio.shield(t), asyncio.shield(t)
    s1.cancel()
    res = await asyncio.gather(s1, s2, t, return_exceptions=True)
    print("res", type(res[0]).__name__, repr(str(res[0])), res[1:])

    print("-- the loop still works")
    print(await asyncio.shield(asyncio.sleep(0, "ok")))


asyncio.run(main())
