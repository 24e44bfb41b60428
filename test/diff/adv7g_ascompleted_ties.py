# as_completed ordering: futures completed together in one callback (in reverse input order, and
# interleaved with failures and cancellations) come out in completion order; duplicates count
# once; a timeout that fires mid-way (deadlines set with call_at far apart) makes every
# remaining await raise TimeoutError while earlier results stay readable; a zero or negative
# timeout over one done input; a ticker prints each loop iteration so the trace shows how many
# iterations each result takes to reach the consumer.
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


async def consume(label, it, tk):
    i = 0
    for aw in it:
        i += 1
        try:
            r = await aw
            print(label, i, "->", repr(r), "at tick", tk.n)
        except asyncio.TimeoutError as e:
            print(label, i, "-> TimeoutError", repr(str(e)), "at tick", tk.n)
        except asyncio.CancelledError as e:
            print(label, i, "-> CancelledError", repr(str(e)), "at tick", tk.n)
        except Exception as e:
            print(label, i, "->", repr(e), "at tick", tk.n)


async def main():
    loop = asyncio.get_running_loop()
    tk = Ticker(loop)
    futs = lambda n: [loop.create_future() for _ in range(n)]

    print("-- five futures completed in one callback, in reverse order")
    fs = futs(5)

    def finish_all():
        for i in reversed(range(5)):
            fs[i].set_result("r%d" % i)
    loop.call_soon(finish_all)
    tk.start(8)
    await consume("rev", asyncio.as_completed(fs), tk)
    await drain(8)

    print("-- ties mixing results, exceptions and a cancellation; duplicates in the input")
    fs = futs(4)

    def finish_mixed():
        fs[2].set_exception(KeyError("two"))
        fs[0].cancel("zero msg")
        fs[3].set_result("three")
        fs[1].set_exception(ValueError("one"))
    loop.call_soon(finish_mixed)
    tk.start(8)
    await consume("mix", asyncio.as_completed([fs[0], fs[1], fs[0], fs[2], fs[3], fs[3]]), tk)
    await drain(8)

    print("-- completions on successive iterations, consumer slower than producers")
    fs = futs(3)
    loop.call_soon(fs[1].set_result, "b")
    loop.call_soon(lambda: loop.call_soon(fs[2].set_result, "c"))
    loop.call_soon(lambda: loop.call_soon(lambda: loop.call_soon(fs[0].set_result, "a")))
    tk.start(10)
    i = 0
    for aw in asyncio.as_completed(fs):
        await drain(2)
        i += 1
        print("slow", i, "->", await aw, "at tick", tk.n)
    await drain(8)

    print("-- a timeout mid-way: deadlines far apart")
    fs = futs(4)
    t0 = loop.time()
    loop.call_at(t0 + 0.0, fs[2].set_result, "early")
    loop.call_at(t0 + 0.15, fs[0].set_result, "early too")
    h = loop.call_at(t0 + 5.0, fs[1].set_result, "never")
    it = asyncio.as_completed(fs, timeout=0.45)
    got = []
    for aw in it:
        try:
            r = await aw
            got.append(r)
            print("to ->", repr(r))
        except asyncio.TimeoutError:
            print("to -> TimeoutError", "pending", [f.done() for f in fs])
    h.cancel()
    print("got", got, "cancelled any", any(f.cancelled() for f in fs))
    fs[1].set_result("after")
    fs[3].set_result("after")
    await drain(2)
    print("loop fine after the timeout")

    print("-- zero and negative timeouts over a done future and a pending one")
    for to in (0, -1):
        d = loop.create_future()
        d.set_result("done")
        p = loop.create_future()
        tk.start(4)
        await consume("t%s" % to, asyncio.as_completed([d, p], timeout=to), tk)
        await drain(4)
        print("p done", p.done())

    print("-- zero timeout, everything pending: every await times out, one iteration")
    fs = futs(3)
    tk.start(4)
    await consume("allpend", asyncio.as_completed(fs, timeout=0), tk)
    await drain(4)

    print("-- awaiting the yielded awaitables out of order")
    fs = futs(3)
    its = list(asyncio.as_completed(fs))
    tk.start(6)
    loop.call_soon(fs[0].set_result, "x")
    loop.call_soon(fs[1].set_result, "y")
    print("third first ->", await its[2], "at tick", tk.n)
    loop.call_soon(fs[2].set_result, "z")
    print("first ->", await its[0], "at tick", tk.n)
    print("second ->", await its[1], "at tick", tk.n)
    await drain(6)

    print("-- tasks finishing on one iteration, created in one order, finishing in another")
    async def job(name, n):
        for _ in range(n):
            await asyncio.sleep(0)
        return name
    ts = [asyncio.create_task(job("j%d" % i, 2)) for i in range(3)]
    ts.reverse()
    tk.start(6)
    await consume("jobs", asyncio.as_completed(ts), tk)
    await drain(6)


asyncio.run(main())
