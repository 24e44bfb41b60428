import asyncio
import concurrent.futures

# wrap_future()/ensure_future() of outside futures (aionode: Promises and thenables) that
# resolve, reject, never settle, settle twice, or settle after the wrapping future was
# cancelled or its loop closed; isfuture() of every kind of value; wrap_future() of a future of
# another loop returns it as it is. Only outcomes are compared, each after a 0.1 s barrier.


class Holdout:
    # aionode: a thenable; here an awaitable around a concurrent future
    def __init__(self, cf):
        self.cf = cf

    def __await__(self):
        return (yield from asyncio.wrap_future(self.cf).__await__())


def settle(cf, *outcomes):
    # the first outcome wins; later ones are refused (aionode: ignored)
    for kind, v in outcomes:
        try:
            if kind == "ok":
                cf.set_result(v)
            else:
                cf.set_exception(v)
        except concurrent.futures.InvalidStateError:
            pass


async def outcome(label, aw):
    try:
        print(label, "->", repr(await aw))
    except asyncio.CancelledError:
        print(label, "cancelled")
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()
    print("-- resolves later")
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    print("isfuture", asyncio.isfuture(w), asyncio.isfuture(cf), "done", w.done())
    loop.call_later(0.1, settle, cf, ("ok", "later"))
    await outcome("resolved", w)
    print("repr", repr(w), w.get_loop() is loop)

    print("-- rejects later")
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    loop.call_later(0.1, settle, cf, ("err", ValueError("rejected")))
    await outcome("rejected", w)
    print("repr", repr(w))

    print("-- settled before wrapping")
    cf = concurrent.futures.Future()
    settle(cf, ("ok", [1, 2]))
    w = asyncio.wrap_future(cf)
    print("done at once", w.done())
    await asyncio.sleep(0.1)
    print("after barrier", w.done(), repr(w))
    await outcome("pre-resolved", w)

    print("-- settles twice")
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    loop.call_later(0.1, settle, cf, ("ok", "first"), ("ok", "second"), ("err", ValueError("third")))
    await outcome("twice", w)
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    loop.call_later(0.1, settle, cf, ("err", ValueError("first")), ("ok", "second"))
    await outcome("reject then resolve", w)

    print("-- never settles")
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    await outcome("wait_for", asyncio.wait_for(w, 0.1))
    print("wrapped", w.cancelled(), repr(w))
    await outcome("await again", w)

    print("-- settles after the wrapper was cancelled")
    cf = concurrent.futures.Future()
    w = asyncio.wrap_future(cf)
    print("cancel ->", w.cancel("no more"))
    await asyncio.sleep(0.1)
    settle(cf, ("ok", "too late"))
    await asyncio.sleep(0.1)
    print("wrapped", w.cancelled(), repr(w))
    await outcome("cancelled wrapper", w)

    print("-- ensure_future of awaitables")
    cf = concurrent.futures.Future()
    e = asyncio.ensure_future(Holdout(cf))
    print("isfuture", asyncio.isfuture(e), "done", e.done())
    loop.call_later(0.1, settle, cf, ("ok", "via ensure_future"))
    await outcome("ensured", e)
    cf = concurrent.futures.Future()
    e = asyncio.ensure_future(Holdout(cf))
    loop.call_later(0.1, settle, cf, ("err", ValueError("ensured reject")))
    await outcome("ensured reject", e)
    print("await a bare awaitable:")
    cf = concurrent.futures.Future()
    loop.call_later(0.1, settle, cf, ("ok", 7))
    await outcome("bare", Holdout(cf))

    print("-- futures pass through")
    f = loop.create_future()
    print("wrap same", asyncio.wrap_future(f) is f, asyncio.ensure_future(f) is f)
    other = asyncio.new_event_loop()
    g = other.create_future()
    print("wrap other loop's future", asyncio.wrap_future(g, loop=loop) is g, asyncio.wrap_future(f, loop=other) is f)
    other.close()
    t = asyncio.ensure_future(asyncio.sleep(0, "t"))
    print("wrap task", asyncio.wrap_future(t) is t, asyncio.isfuture(t))
    await outcome("task", t)

    async def co():
        return 1

    c = co()
    print("isfuture:", asyncio.isfuture(None), asyncio.isfuture(42), asyncio.isfuture("f"), asyncio.isfuture(asyncio.Future), asyncio.isfuture(c), asyncio.isfuture(Holdout(None)), asyncio.isfuture(f))
    c.close()
    f.cancel()

    print("-- a loop closed before its wrapped future settles")
    other = asyncio.new_event_loop()
    cf = concurrent.futures.Future()
    w2 = asyncio.wrap_future(cf, loop=other)
    print("other loop's wrapper", w2.get_loop() is other, w2.done())
    other.close()
    loop.call_later(0.1, settle, cf, ("ok", "after close"))
    await asyncio.sleep(0.2)
    print("after close", w2.done(), w2.cancelled())
    print("loop still works", await asyncio.sleep(0, "yes"))


asyncio.run(main())
