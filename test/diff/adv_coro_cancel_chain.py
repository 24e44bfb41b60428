import asyncio


def cur():
    return asyncio.current_task().cancelling()


async def leaf(name, mode):
    try:
        await asyncio.sleep(1)
        return "leaf done"
    except asyncio.CancelledError as e:
        print(name, "leaf except", repr(str(e)), cur())
        if mode == "convert":
            raise ValueError("converted at leaf")
        raise
    finally:
        print(name, "leaf finally")


async def mid(name, depth, mode):
    try:
        if depth == 0:
            r = await leaf(name, mode)
        else:
            r = await mid(name, depth - 1, mode)
        print(name, "mid", depth, "got", repr(r))
        return r
    except asyncio.CancelledError as e:
        print(name, "mid", depth, "except Cancelled", repr(str(e)), cur())
        if mode == "swallow" and depth == 1:
            return "swallowed at 1"
        if mode == "reraise_other" and depth == 2:
            raise KeyError("k")
        raise
    except ValueError as e:
        print(name, "mid", depth, "except ValueError", repr(str(e)))
        raise
    finally:
        print(name, "mid", depth, "finally")


async def top(name, mode):
    try:
        r = await mid(name, 3, mode)
        print(name, "top got", repr(r))
        return r
    except BaseException as e:
        print(name, "top except", type(e).__name__, repr(str(e)))
        raise


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    for mode in ["plain", "convert", "swallow", "reraise_other"]:
        print("== mode", mode)
        t = asyncio.create_task(top(mode, mode))
        await asyncio.sleep(0)
        print("cancel ->", t.cancel("msg-" + mode), t.cancelling())
        print("cancel again ->", t.cancel("second-" + mode), t.cancelling())
        try:
            r = await t
            print("await t ->", repr(r))
        except asyncio.CancelledError as e:
            print("await t raised CancelledError", repr(str(e)))
        except Exception as e:
            print("await t raised", type(e).__name__, repr(str(e)))
        print("state cancelled", t.cancelled(), "cancelling", t.cancelling())
        for i in range(2):
            try:
                print("result", repr(t.result()))
            except asyncio.CancelledError as e:
                print("result raised CancelledError", repr(str(e)))
            except Exception as e:
                print("result raised", type(e).__name__, repr(str(e)))

    print("== cancel arrives before the first step")
    t = asyncio.create_task(top("early", "plain"))
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await t raised CancelledError", repr(str(e)))

    print("== cancel while a ticker runs")
    t = asyncio.create_task(top("tk", "plain"))
    k = asyncio.create_task(ticker(4))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("main after one tick", t.done())
    await k
    print("t cancelled", t.cancelled())


asyncio.run(main())
