import asyncio

# CPython test_futures2.FutureTests.test_future_traceback, from more sides: one exception
# stored in a future (and in a task) reaches every way of getting at it as the very same
# object, again and again: several tasks waiting on the future when it fails (woken in the
# order they started waiting), result() and exception() afterwards, gather (failing, and with
# return_exceptions), wait_for, shield, a second task awaiting the failed task, and the
# future's done callbacks. (The traceback count the test checks is Python-only.)


class Boom(Exception):
    pass


def section(name):
    print("==", name)


async def waiter(tag, fut, exc_box):
    try:
        await fut
    except Boom as e:
        print("  ", tag, "got", type(e).__name__, str(e), "same", e is exc_box[0])


async def fails(exc):
    await asyncio.sleep(0)
    raise exc


async def awaits_task(t, exc):
    try:
        await t
    except Boom as e:
        return e is exc


async def main():
    loop = asyncio.get_running_loop()
    section("test_future_traceback: waiters on one future")
    fut = loop.create_future()
    exc = Boom("stored")
    box = [exc]
    fut.add_done_callback(lambda f: print("   done callback: exception is it", f.exception() is exc))
    ws = [asyncio.create_task(waiter("waiter%d" % i, fut, box)) for i in range(3)]
    await asyncio.sleep(0)
    loop.call_soon(fut.set_exception, exc)
    await asyncio.gather(*ws)
    for i in range(3):
        try:
            fut.result()
        except Boom as e:
            print("   result() raises it", e is exc, "exception() is it", fut.exception() is exc)

    section("test_future_traceback: compositions")
    r = await asyncio.gather(fut, fut, return_exceptions=True)
    print("   gather(return_exceptions) both it", r[0] is exc and r[1] is exc)
    for label, make in (("gather", lambda: asyncio.gather(fut)),
                        ("wait_for", lambda: asyncio.wait_for(fut, 1)),
                        ("shield", lambda: asyncio.shield(fut))):
        try:
            await make()
        except Boom as e:
            print("  ", label, "raises it", e is exc)

    section("test_future_traceback: a task")
    texc = Boom("from task")
    t = asyncio.create_task(fails(texc))
    others = [asyncio.create_task(awaits_task(t, texc)) for _ in range(2)]
    for i in range(3):
        try:
            await t
        except Boom as e:
            print("   await task", i, "raises it", e is texc)
    print("   other tasks saw it", await asyncio.gather(*others))


asyncio.run(main())
