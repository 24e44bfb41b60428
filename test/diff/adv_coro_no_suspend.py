import asyncio

log = []


def cb(x):
    log.append(x)


async def instant(x):
    return x * 2


async def raises_at_once(msg):
    raise ValueError(msg)


async def chain(n, fut):
    # n levels of coroutines, each awaiting a done future, none suspends
    v = await fut
    if n == 0:
        return len(v)
    return 1 + await chain(n - 1, fut)


async def chain_raises(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        return await chain_raises(n - 1)
    finally:
        log.append("finally %d" % n)


async def ticker():
    log.append("ticker step")


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("ready")
    failed = loop.create_future()
    failed.set_exception(ValueError("failed fut"))
    cancelled = loop.create_future()
    cancelled.cancel("cmsg")
    t_ok = asyncio.create_task(instant(21))
    t_bad = asyncio.create_task(raises_at_once("task boom"))
    t_cancelled = asyncio.create_task(instant(1))
    t_cancelled.cancel("tmsg")
    await asyncio.sleep(0)
    print("tasks done", t_ok.done(), t_bad.done(), t_cancelled.done())

    loop.call_soon(cb, "cb1")
    asyncio.create_task(ticker())
    print("await done future ->", repr(await done), log)
    try:
        await failed
    except ValueError as e:
        print("await failed future ->", repr(str(e)), log)
    for i in range(2):
        try:
            await cancelled
        except asyncio.CancelledError as e:
            print("await cancelled future ->", repr(str(e)), log)
    print("await done task ->", await t_ok, log)
    try:
        await t_bad
    except ValueError as e:
        print("await failed task ->", repr(str(e)), log)
    for i in range(2):
        try:
            await t_cancelled
        except asyncio.CancelledError as e:
            print("await cancelled task ->", repr(str(e)), log)
    print("await instant() ->", await instant(5), log)
    try:
        await raises_at_once("direct")
    except ValueError as e:
        print("await raises_at_once() ->", repr(str(e)), log)
    print("chain(30) ->", await chain(30, done), log)
    try:
        await chain_raises(3)
    except KeyError as e:
        print("chain_raises(3) ->", repr(str(e)), log)
    fresh = loop.create_future()
    loop.call_soon(cb, "cb2")
    fresh.set_result("set just now")
    print("await future set in this step ->", repr(await fresh), log)
    print("ensure_future(done) is done", asyncio.ensure_future(done) is done)
    print("shield(done) ->", repr(await asyncio.shield(done)), log)
    print("wait_for(done, None) ->", repr(await asyncio.wait_for(done, None)), log)
    await asyncio.sleep(0)
    print("after sleep(0)", log)
    del log[:]

    print("== done callbacks vs await of the same done future")
    f2 = loop.create_future()
    f2.add_done_callback(lambda f: log.append("done cb"))
    f2.set_result("x")
    print("await ->", await f2, log)
    await asyncio.sleep(0)
    print("after sleep(0)", log)
    del log[:]

    print("== pending self-cancel across awaits that do not suspend")
    asyncio.current_task().cancel("pending")
    print("await done ->", repr(await done), asyncio.current_task().cancelling())
    print("await instant ->", await instant(7))
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError as e:
        print("sleep(0) raised", repr(str(e)))
    print("uncancel ->", asyncio.current_task().uncancel())


asyncio.run(main())
