import asyncio


class MyError(Exception):
    pass


async def fail_later(msg):
    await asyncio.sleep(0.005)
    raise MyError(msg)


async def fail_now(msg):
    raise ValueError(msg)


async def ok():
    await asyncio.sleep(0)


async def awaiter(name, t):
    try:
        await t
    except MyError as e:
        print(name, "saw", type(e).__name__, str(e))
        return e


async def main():
    t = asyncio.create_task(fail_later("boom"))
    print("done", t.done())
    finished = asyncio.get_running_loop().create_future()
    t.add_done_callback(lambda _: finished.set_result(None))
    await finished
    print("done", t.done(), "cancelled", t.cancelled())
    e = t.exception()
    print("exception", type(e).__name__, str(e), isinstance(e, MyError))
    print("same object", t.exception() is e)
    try:
        t.result()
    except MyError as e2:
        print("result raised", type(e2).__name__, str(e2), e2 is e)
    try:
        await t
    except MyError as e3:
        print("await raised", str(e3), e3 is e)

    t = asyncio.create_task(fail_now("immediately"))
    try:
        await t
    except ValueError as e:
        print("fail_now raised", type(e).__name__, str(e))

    t = asyncio.create_task(fail_later("shared"))
    ws = [asyncio.create_task(awaiter(n, t)) for n in ("w1", "w2")]
    errs = [await w for w in ws]
    print("both saw the same exception", errs[0] is errs[1], errs[0] is t.exception())

    t = asyncio.create_task(ok())
    await t
    print("ok exception", t.exception(), "result", t.result())

    try:
        await fail_now("direct coroutine")
    except ValueError as e:
        print("direct await raised", str(e))


asyncio.run(main())
