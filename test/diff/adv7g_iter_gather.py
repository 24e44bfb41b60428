# gather, counted in loop iterations: a ticker callback prints each iteration, so the trace shows
# on which iteration a gather of done / pending / failing / duplicate children completes, when its
# done callbacks run against the children's, and how many iterations an await of it takes.
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


async def child(name, n, result=None, exc=None):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  child", name, "ends")
    if exc is not None:
        raise exc
    return result


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    def done_fut(v):
        f = loop.create_future()
        f.set_result(v)
        return f

    def failed_fut(e):
        f = loop.create_future()
        f.set_exception(e)
        return f

    print("-- all children done already: iterations until the await returns")
    tk.start(5)
    g = asyncio.gather(done_fut(1), done_fut(2), done_fut(1))
    print("g.done() at once", g.done())
    g.add_done_callback(lambda f: print("  g callback at tick", tk.n))
    print("res", await g, "at tick", tk.n)
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- the same done future three times, one failed future, return_exceptions")
    tk.start(5)
    d = done_fut("d")
    e = failed_fut(KeyError("k"))
    g = asyncio.gather(d, e, d, e, d, return_exceptions=True)
    res = await g
    print("res", res, "at tick", tk.n, res[1] is res[3])
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- a failed future first, pending children after: the gather fails at once")
    tk.start(6)
    t1 = asyncio.create_task(child("t1", 2, "r1"))
    g = asyncio.gather(failed_fut(ValueError("early")), t1, t1)
    g.add_done_callback(lambda f: print("  g callback at tick", tk.n))
    try:
        await g
    except ValueError as exc:
        print("raised", repr(exc), "at tick", tk.n, "t1 done", t1.done())
    print("t1 result", await t1, "at tick", tk.n)
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- children finishing on different iterations, done callbacks interleaved")
    tk.start(8)
    a = asyncio.create_task(child("a", 3, "A"))
    b = asyncio.create_task(child("b", 1, "B"))
    a.add_done_callback(lambda f: print("  a user callback at tick", tk.n))
    g = asyncio.gather(a, b, a)
    b.add_done_callback(lambda f: print("  b user callback at tick", tk.n))
    g.add_done_callback(lambda f: print("  g callback at tick", tk.n))
    print("res", await g, "at tick", tk.n)
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- a coroutine child: the task gather makes starts on the next iteration")
    tk.start(5)
    g = asyncio.gather(child("c0", 0, "C0"), done_fut("F"), child("c1", 1, "C1"))
    print("res", await g, "at tick", tk.n)
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- two children fail on one iteration: the first in callback order wins")
    tk.start(6)
    x = asyncio.create_task(child("x", 1, exc=ValueError("x")))
    y = asyncio.create_task(child("y", 1, exc=KeyError("y")))
    try:
        await asyncio.gather(y, x)
    except Exception as exc:
        print("raised", repr(exc), "at tick", tk.n)
    await asyncio.sleep(0)
    print("x", repr(x.exception()), "y", repr(y.exception()))
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- a nested gather of done futures inside a gather")
    tk.start(6)
    inner = asyncio.gather(done_fut(1), done_fut(2))
    outer = asyncio.gather(inner, done_fut(3), inner)
    inner.add_done_callback(lambda f: print("  inner callback at tick", tk.n))
    outer.add_done_callback(lambda f: print("  outer callback at tick", tk.n))
    print("res", await outer, "at tick", tk.n)
    await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)

    print("-- the loop still works")
    print(await asyncio.gather(asyncio.sleep(0, "s1"), asyncio.sleep(0.001, "s2")))


asyncio.run(main())
