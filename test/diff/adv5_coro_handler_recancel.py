import asyncio

# The bottom of a three-level chain catches a cancellation and, in its handler, cancels its
# own task again, optionally uncancel()ing once or twice (the request stays: uncancel() only
# lowers the count), then awaits a done future (no suspension: the request waits), and then
# either sleeps (the request lands there), returns at once (the task ends cancelled with the
# handler's message), or swallows the second cancellation and returns.


async def lvl(d, uncancels, after):
    try:
        if d:
            r = await lvl(d - 1, uncancels, after)
            print("  L%d got %r" % (d, r))
            return r
        t = asyncio.current_task()
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("  L0 caught %r cancelling %d" % (str(e), t.cancelling()))
            print("  L0 self-cancel ->", t.cancel("again"), "cancelling", t.cancelling())
            for _ in range(uncancels):
                print("  L0 uncancel ->", t.uncancel())
            fut = asyncio.get_running_loop().create_future()
            fut.set_result("done fut")
            print("  L0 awaited", await fut, "cancelling", t.cancelling())
            if after == "return":
                return "returned with a request pending"
            try:
                r = await asyncio.sleep(0, "slept")
                print("  L0 sleep gave", r)
            except asyncio.CancelledError as e2:
                print("  L0 second %r cancelling %d" % (str(e2), t.cancelling()))
                if after == "raise":
                    raise
            return "end"
    except asyncio.CancelledError as e:
        print("  L%d passes %r" % (d, str(e)))
        raise
    finally:
        print("  L%d finally" % d)


async def main():
    for after in ("sleep", "raise", "return"):
        for uncancels in (0, 1, 2):
            print("== then %s, %d uncancel(s)" % (after, uncancels))
            t = asyncio.create_task(lvl(2, uncancels, after))
            await asyncio.sleep(0)
            print(" cancel ->", t.cancel("first"))
            try:
                print(" result %r cancelling %d" % (await t, t.cancelling()))
            except asyncio.CancelledError as e:
                print(" cancelled %r cancelling %d" % (str(e), t.cancelling()))
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
