import asyncio

# Several tasks awaiting one future: a result (every task gets the same object), an exception
# (the same exception object in each), a cancellation with a message (each task gets it; those
# that do not catch it end cancelled, with cancelling() still 0, and their result() gives the
# message). Awaiting a done future does not suspend (a call_soon scheduled before it runs later);
# a future whose result is another future gives the inner future itself.


async def main():
    loop = asyncio.get_running_loop()
    seen = []

    async def w(fut, label, catch=True):
        try:
            v = await fut
            seen.append(v)
            print(label, "got", repr(v))
            return v
        except asyncio.CancelledError as e:
            print(label, "CancelledError", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
            if not catch:
                raise
            return "caught"
        except Exception as e:
            seen.append(e)
            print(label, "raised", repr(e))
            return "handled"

    print("-- shared result")
    f = loop.create_future()
    obj = ["shared"]
    ts = [asyncio.ensure_future(w(f, "r%d" % i)) for i in range(3)]
    await asyncio.sleep(0)
    print("pending", f.done())
    f.set_result(obj)
    print("results", await asyncio.gather(*ts))
    print("same object", all(x is obj for x in seen))

    print("-- shared exception")
    seen.clear()
    g = loop.create_future()
    ts = [asyncio.ensure_future(w(g, "e%d" % i)) for i in range(3)]
    await asyncio.sleep(0)
    err = ValueError("shared failure")
    g.set_exception(err)
    print("results", await asyncio.gather(*ts))
    print("same exception", all(x is err for x in seen), len(seen))

    print("-- shared cancellation")
    h = loop.create_future()
    ts = [asyncio.ensure_future(w(h, "c%d" % i, catch=i % 2 == 0)) for i in range(4)]
    await asyncio.sleep(0)
    print("cancel ->", h.cancel("shared msg"))
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("results", [type(x).__name__ + ": " + str(x) if isinstance(x, BaseException) else x for x in res])
    for i, t in enumerate(ts):
        print("c%d" % i, "cancelled", t.cancelled(), "cancelling", t.cancelling())
        if t.cancelled():
            try:
                t.result()
            except asyncio.CancelledError as e:
                print("  result() CancelledError", repr(str(e)))

    print("-- done futures do not suspend")
    d = loop.create_future()
    d.set_result("ready")
    loop.call_soon(print, "call_soon scheduled before the awaits")
    print("await done ->", await d)
    print("await done again ->", await d)
    e = loop.create_future()
    e.set_exception(KeyError("k"))
    for i in range(2):
        try:
            await e
        except KeyError as x:
            print("await failed", i, repr(x))
    print("before the first real suspension")
    await asyncio.sleep(0)

    print("-- a future of a future")
    inner = loop.create_future()
    outer = loop.create_future()
    outer.set_result(inner)
    got = await outer
    print("got inner itself", got is inner, repr(got))
    inner.set_result("inner value")
    print("then", await got)
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
