import asyncio

# timeout() and wait_for() around code that does not suspend, while a cancellation request is
# pending (the task cancelled itself, maybe withdrew the count with uncancel(), which in 3.11
# leaves the request itself pending) or an expiry is queued (reschedule() into the past): what
# comes out of the block, with which message, what cancelling() says, whether the next real
# suspension is cancelled, and how a queued expiry and a pending request combine.
INF = float("inf")
log = []


def fmt(e):
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def no_await(v):
    log.append("no_await(%r)" % (v,))
    return v


def me():
    return asyncio.current_task()


async def c1():
    me().cancel("c1")
    async with asyncio.timeout(10) as cm:
        r = await no_await(1)
    print("    after the block", r, "expired", cm.expired(), repr(cm), "cancelling", me().cancelling())


async def c2():
    async with asyncio.timeout(10) as cm:
        me().cancel("c2")
        r = await no_await(2)
    print("    after the block", r, "expired", cm.expired(), "cancelling", me().cancelling())


async def c3():
    async with asyncio.timeout(10) as cm:
        me().cancel("c3")
        await no_await(3)
        await asyncio.sleep(0)


async def c4():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as cm:
        cm.reschedule(loop.time() - 1)
        r = await no_await(4)
    print("    after the block", r, "expired", cm.expired(), repr(cm))


async def c5():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    async with asyncio.timeout(10) as cm:
        cm.reschedule(-INF)
        r = await f
        r2 = await no_await(5)
    print("    after the block", r, r2, "expired", cm.expired())


async def c6():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as cm:
        cm.reschedule(loop.time() - 1)
        me().cancel("c6")
        await asyncio.sleep(0)


async def c7():
    async with asyncio.timeout(10) as cm:
        me().cancel("c7")
        cm.reschedule(-INF)
        await asyncio.sleep(0)


async def c8():
    me().cancel("c8")
    async with asyncio.timeout(0) as cm:
        await asyncio.sleep(INF)


async def c9():
    async with asyncio.timeout(0) as cm:
        me().cancel("c9")
        await asyncio.sleep(INF)


async def c10():
    me().cancel("c10")
    async with asyncio.timeout(0) as cm:
        r = await no_await(10)
    print("    after the block", r, "expired", cm.expired(), "cancelling", me().cancelling())


async def c11():
    async with asyncio.timeout(10) as outer:
        async with asyncio.timeout(-1) as inner:
            r = await no_await(11)
        print("    inner done", r, "expired", inner.expired())
        await asyncio.sleep(0)
    print("    outer done, expired", outer.expired())


async def c12():
    async with asyncio.timeout(10) as cm:
        me().cancel("c12")
        raise ValueError("bad")


async def c13():
    async with asyncio.timeout(10) as cm:
        me().cancel("c13")
        print("    uncancel ->", me().uncancel())
        await asyncio.sleep(0)
    print("    not reached")


async def c14():
    me().cancel("c14")
    print("    uncancel ->", me().uncancel())
    async with asyncio.timeout(0) as cm:
        await asyncio.sleep(INF)


async def c15():
    me().cancel("c15")
    print("    uncancel ->", me().uncancel())
    async with asyncio.timeout(10) as cm:
        r = await no_await(15)
        cm.reschedule(-INF)
        await asyncio.sleep(0)


def waitfor_case(label, to):
    async def case():
        me().cancel(label)
        r = await asyncio.wait_for(no_await(label), to)
        print("    wait_for ->", repr(r), "cancelling", me().cancelling())
    case.__name__ = label
    return case


async def main():
    cases = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15,
             waitfor_case("wf_none", None), waitfor_case("wf_inf", INF),
             waitfor_case("wf_ten", 10), waitfor_case("wf_zero", 0), waitfor_case("wf_neg", -1)]
    for c in cases:
        print("--", c.__name__)
        log.clear()
        t = asyncio.create_task(c())
        try:
            await t
            print("  returned")
        except asyncio.CancelledError as e:
            print("  task cancelled", fmt(e), "cancelling", t.cancelling())
        except BaseException as e:
            print("  task failed", fmt(e), "cancelling", t.cancelling())
        print("  log", log)


asyncio.run(main())
