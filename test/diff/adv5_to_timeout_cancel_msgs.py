import asyncio

# timeout() expiry and external cancel() requests arriving in the same iteration, in every order
# (expiry forced with reschedule() into the past, which queues it with call_soon; cancels either
# direct or queued with call_soon), crossed with what the body does with the CancelledError:
# re-raise, withdraw every request with uncancel() first, await during cleanup, swallow. Prints
# the message each CancelledError carries, cancelling() at each point, what comes out of the
# block, and whether a request is still pending afterwards (the next await is cancelled).
INF = float("inf")


def fmt(e):
    return type(e).__name__ + "(" + repr(str(e)) + ")"


async def victim(h, mode):
    me = asyncio.current_task()
    cm = None
    try:
        async with asyncio.timeout(INF) as cm:
            h["cm"] = cm
            try:
                await asyncio.sleep(INF)
                print("    body slept?!")
            except asyncio.CancelledError as e:
                print("    body caught", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired())
                if mode == "uncancel":
                    n = 0
                    while me.cancelling():
                        me.uncancel()
                        n += 1
                    print("    body withdrew", n)
                if mode in ("sleep", "sleep-swallow"):
                    for i in range(2):
                        try:
                            await asyncio.sleep(0)
                            print("    cleanup tick", i, "ok")
                        except asyncio.CancelledError as e2:
                            print("    cleanup tick", i, "cancelled", fmt(e2), "cancelling", me.cancelling())
                if mode not in ("swallow", "sleep-swallow"):
                    raise
            print("    body ends normally")
        print("    block exited normally, expired", cm.expired(), "cancelling", me.cancelling())
    except TimeoutError as e:
        print("    block raised TimeoutError cause", fmt(e.__cause__), "cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        print("    block raised", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired())
    try:
        await asyncio.sleep(0)
        print("    next await ok, cancelling", me.cancelling())
    except asyncio.CancelledError as e:
        print("    next await cancelled", fmt(e), "cancelling", me.cancelling())
    return repr(cm)


async def main():
    loop = asyncio.get_running_loop()
    orders = [
        "expiry",
        "cancel expiry",
        "expiry soon-cancel",
        "soon-cancel expiry",
        "cancel cancel expiry",
        "expiry soon-cancel soon-cancel",
        "cancel expiry soon-cancel",
        "expiry tick cancel",
    ]
    for mode in ("raise", "uncancel", "sleep", "swallow", "sleep-swallow"):
        print("== body mode", mode)
        for order in orders:
            print("--", order)
            h = {}
            t = asyncio.create_task(victim(h, mode))
            await asyncio.sleep(0)
            k = 0
            for step in order.split():
                k += 1
                if step == "expiry":
                    h["cm"].reschedule(loop.time() - 1)
                elif step == "cancel":
                    print("  cancel ->", t.cancel("ext%d" % k))
                elif step == "soon-cancel":
                    loop.call_soon(t.cancel, "soon%d" % k)
                elif step == "tick":
                    await asyncio.sleep(0)
            try:
                r = await t
                print("  task ->", r, "cancelling", t.cancelling())
            except asyncio.CancelledError as e:
                print("  task cancelled", fmt(e), "cancelling", t.cancelling())


asyncio.run(main())
