import asyncio

# Task A awaits task B through three inline levels. In one iteration main cancels B then A,
# A then B, A twice, or B twice (A.cancel() goes on to B, so B counts every request, A only
# its own). B re-raises, or catches every cancellation and sleeps again. Which message each
# level sees, the cancel() returns and cancelling() counts, and how both tasks end: a request
# on A that B absorbs leaves A finishing with B's result (cancelling() 1, not cancelled).


async def b_body(resist):
    for rnd in range(3):
        try:
            await asyncio.sleep(1 if rnd == 0 else 0.05)
            return "b slept (round %d)" % rnd
        except asyncio.CancelledError as e:
            print("  B caught %r cancelling %d" % (str(e), asyncio.current_task().cancelling()))
            if not resist:
                raise
    return "b resisted"


async def lvl(d, b):
    try:
        if d:
            return await lvl(d - 1, b)
        return await b
    except asyncio.CancelledError as e:
        print("  A L%d caught %r cancelling %d" % (d, str(e), asyncio.current_task().cancelling()))
        raise


def state(n, t):
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            return "%s cancelled %r (cancelling %d)" % (n, str(e), t.cancelling())
    return "%s -> %r (cancelling %d)" % (n, t.result(), t.cancelling())


async def main():
    for order in ("BA", "AB", "AA", "BB", "ABA"):
        for resist in (False, True):
            for settle in (0, 1):
                print("== order %s, B resists %s, %d iteration(s) between cancels" % (order, resist, settle))
                b = asyncio.create_task(b_body(resist), name="B")
                a = asyncio.create_task(lvl(2, b), name="A")
                await asyncio.sleep(0)
                for i, ch in enumerate(order):
                    if i and settle:
                        await asyncio.sleep(0)
                    t = a if ch == "A" else b
                    r = t.cancel("%s%d" % (ch, i))
                    print("  cancel %s%d -> %s; cancelling A %d B %d; done A %s B %s" % (ch, i, r, a.cancelling(), b.cancelling(), a.done(), b.done()))
                await asyncio.wait([a, b])
                print(" ", state("A", a), "|", state("B", b))
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
