import asyncio

# Code that raises CancelledError or TimeoutError itself (nobody called cancel()), under
# wait_for() with timeouts None, inf, 0 and a tiny one, and inside timeout() blocks that are
# active or expiring: which error comes out, with which message and cause, whether the task
# counts as cancelled, and what cancelling() says.
INF = float("inf")


def fmt(e):
    s = type(e).__name__ + "(" + repr(str(e)) + ")"
    if isinstance(e, TimeoutError) and e.__cause__ is not None:
        s += " from " + type(e.__cause__).__name__ + "(" + repr(str(e.__cause__)) + ")"
    return s


async def raiser(kind, ticks):
    for _ in range(ticks):
        await asyncio.sleep(0)
    if kind == "cancel":
        raise asyncio.CancelledError("self-raised")
    if kind == "timeout":
        raise TimeoutError("own timeout")
    if kind == "cancel-bare":
        raise asyncio.CancelledError
    return "value"


async def main():
    me = asyncio.current_task()

    print("-- wait_for of code that raises by itself")
    for kind in ("cancel", "timeout", "cancel-bare"):
        for ticks in (0, 1):
            for to in (None, INF, 0, 1e-9):
                holder = {}

                async def run():
                    holder["t"] = asyncio.current_task()
                    return await asyncio.wait_for(raiser(kind, ticks), to)

                t = asyncio.create_task(run())
                try:
                    r = await t
                    out = "-> " + repr(r)
                except BaseException as e:
                    out = fmt(e)
                print(" ", kind, "ticks", ticks, "timeout", to, out, "task cancelled", t.cancelled(), "cancelling", t.cancelling())

    print("-- timeout() blocks whose body raises by itself")
    for kind in ("cancel", "timeout", "cancel-bare"):
        for state in ("active", "expiring"):

            async def block():
                cm = None
                try:
                    async with asyncio.timeout(INF) as cm:
                        if state == "expiring":
                            cm.reschedule(-INF)
                            try:
                                await asyncio.sleep(INF)
                            except asyncio.CancelledError:
                                pass
                        await raiser(kind, 0)
                except BaseException as e:
                    print(" ", kind, state, "block raised", fmt(e), "cancelling", asyncio.current_task().cancelling(), "expired", cm.expired(), repr(cm))
                    raise

            t = asyncio.create_task(block())
            try:
                await t
            except BaseException as e:
                print("    task", "cancelled" if t.cancelled() else "failed", fmt(e), "cancelling", t.cancelling())

    print("-- a body that swallows the expiry and then raises CancelledError of its own, nested")

    async def nested():
        me = asyncio.current_task()
        try:
            async with asyncio.timeout(INF) as outer:
                async with asyncio.timeout(-1) as inner:
                    try:
                        await asyncio.sleep(INF)
                    except asyncio.CancelledError:
                        print("    inner expired, cancelling", me.cancelling())
                    outer.reschedule(-INF)
                    try:
                        await asyncio.sleep(INF)
                    except asyncio.CancelledError:
                        print("    outer expired too, cancelling", me.cancelling())
                    raise asyncio.CancelledError("mine")
        except BaseException as e:
            print("    nested raised", fmt(e), "cancelling", me.cancelling(), inner.expired(), outer.expired())
        return "nested done"

    print(" ", await asyncio.create_task(nested()))


asyncio.run(main())
