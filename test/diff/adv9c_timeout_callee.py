import asyncio

# Two timeout() blocks entered in two coroutines awaited directly one inside the other
# (L1 enters cm1 and awaits L2; L2 enters cm2 and awaits L3, a loop of five rounds whose finally
# clauses await). From L3, at round r (before its await) or inside round 1's finally clause,
# cm1, cm2 or both (in either order) are moved into the past. Nobody catches, L3 catches the
# CancelledError and returns its total, or L2 catches TimeoutError and returns -2. Trace: where
# the cancellation lands, the finally clauses' awaits, which block turns it into TimeoutError,
# cancelling() at each level, expired() and the reprs of both blocks, the values flowing up.

log = []


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


def fire(plan, where):
    if plan["at"] == where:
        loop = asyncio.get_running_loop()
        for which in plan["which"]:
            plan["cms"][which].reschedule(loop.time() - 1)
            L("    L3 moves cm%d into the past" % (which + 1))


async def l3(plan):
    total = 0
    for r in range(5):
        try:
            fire(plan, r)
            await asyncio.sleep(0)
            total += r + 1
        except asyncio.CancelledError as e:
            L("    L3 cancelled in round", r, repr(str(e)), "c=%d" % cnt())
            if plan["catch"] == "L3":
                return total
            raise
        finally:
            await asyncio.sleep(0)
            L("    L3 finally", r, "c=%d" % cnt())
            if r == 1:
                fire(plan, "fin1")
    return total


async def l2(plan, cm1):
    cm2 = None
    try:
        async with asyncio.timeout(None) as cm2:
            plan["cms"] = [cm1, cm2]
            r = await l3(plan)
            L("  L2 body got", r, "c=%d" % cnt())
        L("  L2 after block, expired", cm2.expired())
        return r
    except TimeoutError:
        L("  L2 caught TimeoutError c=%d expired" % cnt(), cm2.expired())
        if plan["catch"] == "L2":
            await asyncio.sleep(0)
            L("  L2 goes on")
            return -2
        raise


async def l1(plan):
    cm1 = None
    try:
        async with asyncio.timeout(None) as cm1:
            r = await l2(plan, cm1)
            L("L1 body got", r, "c=%d" % cnt())
            await asyncio.sleep(0)
            L("L1 body after sleep")
        L("L1 after block, expired", cm1.expired(), "c=%d" % cnt())
        return r
    except TimeoutError:
        L("L1 caught TimeoutError c=%d expired" % cnt(), cm1.expired())
        return "L1-timeout"


async def main():
    for which in ([0], [1], [0, 1], [1, 0]):
        for at in (0, 2, "fin1"):
            for catch in (None, "L3", "L2"):
                log.clear()
                plan = {"which": which, "at": at, "catch": catch, "cms": None}
                t = asyncio.create_task(l1(plan))
                r = await t
                print("move", ["cm%d" % (w + 1) for w in which], "at", at, "catch", catch,
                      "->", repr(r), "cancelling", t.cancelling())
                for line in log:
                    print("   ", line)
                print("    reprs", repr(plan["cms"][0]), repr(plan["cms"][1]))


asyncio.run(main())
