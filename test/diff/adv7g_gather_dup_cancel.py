# gather with duplicate awaitables under cancellation: gather(t, t).cancel() cancels the task
# once per occurrence (cancelling() counts both), a duplicate coroutine object becomes one task;
# a duplicated child cancelled directly, failing, or finishing late; shields and gathers
# repeated inside a gather; the trace shows cancel() results, cancelling() counts, messages and
# the iteration each step happens on (a ticker prints every loop iteration).
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


def show(x):
    if isinstance(x, BaseException):
        return "%s(%r)" % (type(x).__name__, str(x))
    if isinstance(x, list):
        return [show(y) for y in x]
    return x


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    async def work(name, n, result=None, catch=False):
        for i in range(n):
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError as e:
                t = asyncio.current_task()
                print("  work", name, "cancelled at tick", tk.n, repr(str(e)), "cancelling", t.cancelling())
                if not catch:
                    raise
                print("  work", name, "uncancel ->", t.uncancel())
        print("  work", name, "ends at tick", tk.n)
        return result

    async def attempt(label, aw):
        try:
            r = await aw
            print(label, "->", show(r), "at tick", tk.n)
        except asyncio.CancelledError as e:
            print(label, "-> CancelledError", repr(str(e)), "at tick", tk.n)
        except Exception as e:
            print(label, "->", show(e), "at tick", tk.n)

    print("-- gather(t, t, t).cancel(): the task is cancelled three times")
    t = asyncio.create_task(work("a", 5))
    g = asyncio.gather(t, t, t)
    tk.start(4)
    await asyncio.sleep(0)
    print("cancel", g.cancel("dup msg"), "t.cancelling", t.cancelling())
    await attempt("g", g)
    print("t cancelled", t.cancelled(), "cancelling", t.cancelling())
    await drain(4)

    print("-- a task that catches: every cancel() counted, one CancelledError thrown in")
    t = asyncio.create_task(work("b", 3, "B", catch=True))
    g = asyncio.gather(t, t)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel", g.cancel("twice"), "t.cancelling", t.cancelling())
    await attempt("g", g)
    print("t", t.result(), "cancelling", t.cancelling())
    await drain(6)

    print("-- the same coroutine object twice: one task, cancelled twice")
    c = work("c", 5)
    g = asyncio.gather(c, c, return_exceptions=True)
    tk.start(4)
    await asyncio.sleep(0)
    print("cancel", g.cancel())
    await attempt("g rx", g)
    await drain(4)

    print("-- a duplicated child cancelled directly (not through the gather)")
    t = asyncio.create_task(work("d", 5))
    g = asyncio.gather(t, work("e", 2, "E"), t)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel t", t.cancel("direct"))
    await attempt("g", g)
    await drain(6)

    print("-- the same, return_exceptions: the CancelledError twice")
    t = asyncio.create_task(work("f", 5))
    g = asyncio.gather(t, t, work("g", 1, "G"), return_exceptions=True)
    tk.start(6)
    await asyncio.sleep(0)
    t.cancel("direct rx")
    res = await g
    print("res", show(res), "same object", res[0] is res[1])
    await drain(6)

    print("-- the same pending future twice, cancelled by the gather: cancel() once is enough")
    f = loop.create_future()
    f.add_done_callback(lambda f: print("  f done, cancelled", f.cancelled()))
    g = asyncio.gather(f, f)
    print("cancel", g.cancel("fut msg"))
    await attempt("g", g)

    print("-- a shield repeated: cancelling the gather cancels the shield, not the task")
    t = asyncio.create_task(work("h", 3, "H"))
    s = asyncio.shield(t)
    g = asyncio.gather(s, s)
    tk.start(6)
    await asyncio.sleep(0)
    print("cancel", g.cancel("sh msg"), "t.cancelling", t.cancelling())
    await attempt("g", g)
    print("s cancelled", s.cancelled(), "t ->", await t)
    await drain(6)

    print("-- an inner gather repeated inside an outer one, cancelled from outside")
    t = asyncio.create_task(work("i", 5))
    inner = asyncio.gather(t)
    outer = asyncio.gather(inner, inner)
    tk.start(4)
    await asyncio.sleep(0)
    print("cancel outer", outer.cancel("nest msg"), "t.cancelling", t.cancelling())
    await attempt("outer", outer)
    print("inner", show(inner.exception()), "t cancelling", t.cancelling())
    await drain(4)

    print("-- duplicate done futures and a cancel() that has nothing to cancel")
    d = loop.create_future()
    d.set_result(7)
    g = asyncio.gather(d, d, d)
    print("cancel", g.cancel("nothing"), "done", g.done())
    await attempt("g", g)

    print("-- the loop still works")
    t = asyncio.create_task(work("j", 1, "J"))
    print(await asyncio.gather(t, t))


asyncio.run(main())
