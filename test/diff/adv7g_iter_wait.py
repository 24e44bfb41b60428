# asyncio.wait counted in loop iterations: timeout None / 0 / negative (/ tiny) over done, pending,
# failed and cancelled inputs in each return_when mode; a ticker callback prints every iteration
# so the trace shows how long each wait takes, when the waiter wakes against the futures' own
# callbacks, and that FIRST_EXCEPTION ignores a cancelled future.
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


def names(fs):
    return sorted(f.label for f in fs)


async def drain(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)

    def fut(label, state=None):
        f = loop.create_future()
        f.label = label
        if state == "ok":
            f.set_result(label)
        elif state == "err":
            f.set_exception(ValueError(label))
        elif state == "cancel":
            f.cancel(label)
        return f

    modes = [asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED]

    print("-- all done: every mode and timeout returns without yielding")
    for mode in modes:
        for to in (None, 0, -1, 0.0, 1e-9):
            tk.start(2)
            done, pending = await asyncio.wait([fut("ok", "ok"), fut("err", "err"), fut("cx", "cancel")],
                                               timeout=to, return_when=mode)
            print(mode, to, "done", names(done), "pending", names(pending), "at tick", tk.n)
            await drain(2)

    print("-- one pending among done: the mode decides")
    for mode in modes:
        for to in (None, 0, -1):
            p = fut("p")
            tk.start(3)
            if to is None and mode != asyncio.FIRST_COMPLETED:
                loop.call_soon(p.set_result, "late")
            done, pending = await asyncio.wait([fut("ok", "ok"), p], timeout=to, return_when=mode)
            print(mode, to, "done", names(done), "pending", names(pending), "at tick", tk.n)
            await drain(3)

    print("-- FIRST_EXCEPTION: a cancelled future is not an exception")
    a, b = fut("a"), fut("b")
    tk.start(6)
    loop.call_soon(a.cancel, "a msg")
    loop.call_soon(lambda: loop.call_soon(b.set_exception, KeyError("b")))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "at tick", tk.n, repr(b.exception()))
    await drain(5)

    print("-- FIRST_EXCEPTION with a done failed future plus pending: returns at once")
    c = fut("c")
    tk.start(3)
    done, pending = await asyncio.wait([c, fut("e", "err")], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "at tick", tk.n)
    await drain(3)

    print("-- FIRST_EXCEPTION, only results: waits for all")
    x, y = fut("x"), fut("y")
    tk.start(5)
    loop.call_soon(x.set_result, 1)
    loop.call_soon(lambda: loop.call_soon(y.set_result, 2))
    done, pending = await asyncio.wait([x, y], return_when=asyncio.FIRST_EXCEPTION)
    print("done", names(done), "pending", names(pending), "at tick", tk.n)
    await drain(4)

    print("-- all pending, timeout 0 / negative / tiny: how many iterations")
    for to in (0, -5):
        q = fut("q")
        tk.start(4)
        done, pending = await asyncio.wait([q], timeout=to)
        print(to, "done", names(done), "pending", names(pending), "at tick", tk.n, "q cancelled", q.cancelled())
        await drain(4)

    print("-- a future completes on the iteration the zero timeout fires")
    r = fut("r")
    tk.start(4)
    loop.call_soon(r.set_result, "r")
    done, pending = await asyncio.wait([r], timeout=0)
    print("done", names(done), "pending", names(pending), "at tick", tk.n)
    await drain(4)

    print("-- tasks as inputs, wait ALL with a zero timeout on a task that finishes at once")
    async def quick():
        print("  quick runs at tick", tk.n)
        return "Q"
    t = asyncio.create_task(quick())
    t.label = "t"
    tk.start(4)
    done, pending = await asyncio.wait([t], timeout=0)
    print("done", names(done), "pending", names(pending), "at tick", tk.n)
    await drain(4)

    print("-- the loop still works")
    done, pending = await asyncio.wait([asyncio.ensure_future(asyncio.sleep(0.001, "z"))])
    print([f.result() for f in done], len(pending))


asyncio.run(main())
