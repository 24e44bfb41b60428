import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raised", type(e).__name__, repr(str(e)))


async def victim(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "caught", repr(str(e)), "args", e.args)
        raise


async def never_runs():
    print("never printed")


async def main():
    # awaited by main: the first retrieval (main's await) gets the saved exception
    t = asyncio.create_task(victim("t1"))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("first reason"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("await t raised", repr(str(e)))
    print("cancelled", t.cancelled())
    attempt("result", t.result)
    attempt("exception", t.exception)
    attempt("result again", t.result)

    # not awaited: result() is the first retrieval
    t = asyncio.create_task(victim("t2"))
    await asyncio.sleep(0)
    t.cancel("second reason")
    await asyncio.sleep(0)
    print("done", t.done(), "cancelled", t.cancelled())
    attempt("result", t.result)
    attempt("result again", t.result)
    try:
        await t
    except asyncio.CancelledError as e:
        print("await after retrievals raised", repr(str(e)))

    # exception() first
    t = asyncio.create_task(victim("t3"))
    await asyncio.sleep(0)
    t.cancel("third")
    await asyncio.sleep(0)
    attempt("exception", t.exception)
    attempt("result", t.result)

    # no message
    t = asyncio.create_task(victim("t4"))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    attempt("result without msg", t.result)

    # cancelled before its first step: the message reaches the task
    t = asyncio.create_task(never_runs())
    t.cancel("before start")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await never-started raised", repr(str(e)))
    attempt("result", t.result)

asyncio.run(main())
