import asyncio

# Errors raised from finally blocks (and except handlers) while a task is being cancelled, in
# every composition: which exception wins, what the composition raises, the task's state
# (exception(), result(), cancelling()) and that the loop goes on. Cases: a plain task whose
# finally raises (with and without awaiting first), one cancelled again while its finally
# waits, one whose finally returns, nested finallys, a gather cancelled while a child's finally
# raises, timeout() and wait_for() expiring into a raising finally, a TaskGroup whose sibling's
# cleanup raises, a shield whose awaiting task's finally raises, and as_completed.


class AppError(ValueError):
    pass


class Boom(Exception):
    pass


def state(label, t):
    out = [label, "done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling()]
    for name in ("exception", "exception", "result"):
        try:
            out += [name, repr(getattr(t, name)())]
        except BaseException as e:
            out += [name + "!", repr(e)]
    print(*out)


async def ticks(n=4):
    for _ in range(n):
        await asyncio.sleep(0)


async def raise_in_finally(msg):
    try:
        await asyncio.sleep(10)
    finally:
        print("  finally of", msg)
        raise AppError(msg)


async def await_then_raise(msg):
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0)
        print("  finally awaited, raising", msg)
        raise Boom(msg)


async def recancel_in_finally():
    try:
        await asyncio.sleep(10)
    finally:
        print("  c finally waits")
        await asyncio.sleep(10)
        print("  c never here")


async def return_in_finally():
    try:
        await asyncio.sleep(10)
    finally:
        return "swallowed"


async def nested_finally():
    try:
        try:
            await asyncio.sleep(10)
        finally:
            raise AppError("inner finally")
    finally:
        print("  outer finally runs")
        raise Boom("outer finally")


async def handler_raises():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  handler caught", repr(e))
        raise RuntimeError("from handler")
    finally:
        print("  handler finally")


async def resists():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  resisting", repr(e))
    return "resisted"


async def drive(label, fn, *cancels):
    t = asyncio.get_running_loop().create_task(fn(), name=label)
    await asyncio.sleep(0)
    for msg in cancels:
        print(label, "cancel", repr(msg), "->", t.cancel(msg))
        await asyncio.sleep(0)
    await ticks()
    state(label, t)
    try:
        print(label, "await ->", repr(await t))
    except BaseException as e:
        print(label, "await raised", repr(e))


async def main():
    await drive("a", lambda: raise_in_finally("fin a"), "m-a")
    await drive("b", lambda: await_then_raise("fin b"), "m-b")
    await drive("c", recancel_in_finally, "first", "second")
    await drive("d", return_in_finally, "m-d")
    await drive("e", nested_finally, None)
    await drive("f", handler_raises, "m-f")
    await drive("g", resists, "m-g")

    # gather cancelled: one child's finally raises, the other is cancelled normally
    g1 = asyncio.ensure_future(raise_in_finally("gather child"))
    g2 = asyncio.ensure_future(asyncio.sleep(10))
    gat = asyncio.gather(g1, g2)
    await asyncio.sleep(0)
    print("gather cancel ->", gat.cancel("gm"))
    try:
        await gat
    except BaseException as e:
        print("gather raised", repr(e))
    print("gather cancelled", gat.cancelled(), "g1", repr(g1.exception()), "g2 cancelled", g2.cancelled())

    # gather(return_exceptions=True) cancelled the same way
    h1 = asyncio.ensure_future(raise_in_finally("rx child"))
    h2 = asyncio.ensure_future(asyncio.sleep(10))
    gat = asyncio.gather(h1, h2, return_exceptions=True)
    await asyncio.sleep(0)
    print("gather rx cancel ->", gat.cancel("rxm"))
    try:
        print("gather rx ->", repr(await gat))
    except BaseException as e:
        print("gather rx raised", repr(e))

    # timeout() expiring into a finally that raises
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01) as cm:
            await raise_in_finally("timeout body")
    except BaseException as e:
        print("timeout raised", repr(e), "expired", cm.expired(), "cancelling", task.cancelling())
    # timeout() expiring into a finally that awaits and then raises
    try:
        async with asyncio.timeout(0.01) as cm:
            await await_then_raise("timeout body 2")
    except BaseException as e:
        print("timeout raised", repr(e), "expired", cm.expired(), "cancelling", task.cancelling())

    # wait_for expiring, the inner's finally raises
    try:
        await asyncio.wait_for(raise_in_finally("wait_for inner"), 0.01)
    except BaseException as e:
        print("wait_for raised", repr(e), "cancelling", task.cancelling())
    try:
        await asyncio.wait_for(await_then_raise("wait_for inner 2"), 0.01)
    except BaseException as e:
        print("wait_for raised", repr(e), "cancelling", task.cancelling())

    # TaskGroup: one child fails, its sibling's cleanup raises
    async def fail_soon():
        await asyncio.sleep(0)
        raise AppError("tg first")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon(), name="tg1")
            tg.create_task(raise_in_finally("tg sibling"), name="tg2")
            tg.create_task(await_then_raise("tg sibling 2"), name="tg3")
            tg.create_task(asyncio.sleep(10), name="tg4")
    except BaseException as e:
        print("tg raised", repr(e), "cancelling", task.cancelling())
        print("tg str", str(e))

    # shield: the awaiting task is cancelled and its finally raises; the inner goes on
    inner = asyncio.ensure_future(asyncio.sleep(0.05, "inner ok"))

    async def shielded():
        try:
            return await asyncio.shield(inner)
        finally:
            raise Boom("shielded finally")
    await drive("s", shielded, "sm")
    print("inner result", await inner)

    # as_completed: the consumer is cancelled, its finally raises
    async def consumer():
        try:
            for f in asyncio.as_completed([asyncio.sleep(10)]):
                await f
        finally:
            raise AppError("consumer finally")
    await drive("ac", consumer, "acm")
    await ticks()
    print("loop still runs", await asyncio.sleep(0, "yes"))


asyncio.run(main())
