import asyncio

# result()/exception() of cancelled tasks, called repeatedly. In 3.11 the first call hands out
# the CancelledError the coroutine raised (with its message); the task itself was cancelled
# without a message (Task.__step: super().cancel()), so later calls raise a fresh
# CancelledError(''). Awaiting the task consumes the first one.


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def raises_cancel(msg):
    await asyncio.sleep(0)
    raise asyncio.CancelledError(msg)


async def sleeper():
    await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(raises_cancel("custom"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancelled", t.cancelled(), "cancelling", t.cancelling())
    attempt("result 1", t.result)
    attempt("result 2", t.result)
    attempt("exception 3", t.exception)

    t2 = asyncio.create_task(raises_cancel("custom2"))
    try:
        await t2
    except asyncio.CancelledError as e:
        print("await raised", repr(str(e)))
    attempt("t2 result after await", t2.result)

    t3 = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t3.cancel("m3")
    await asyncio.sleep(0)
    attempt("t3 exception 1", t3.exception)
    attempt("t3 exception 2", t3.exception)
    attempt("t3 result", t3.result)

    t4 = asyncio.create_task(sleeper())
    t4.cancel("before start")
    await asyncio.sleep(0)
    attempt("t4 result 1", t4.result)
    attempt("t4 result 2", t4.result)
    print("t4 cancelling", t4.cancelling())

    f = asyncio.get_running_loop().create_future()
    f.cancel("future msg")
    attempt("future result 1", f.result)
    attempt("future result 2", f.result)
    attempt("future exception", f.exception)


asyncio.run(main())
