import asyncio

# A ValueError raised at the bottom of a four-level chain climbs through handlers that each
# await (a cancellation point inside an except clause) before re-raising it wrapped, and
# through finally clauses that await too. The task is cancelled after k iterations for every
# k: the CancelledError replaces the ValueError at whichever handler or finally it lands in,
# and the levels above see a cancellation instead. A second round swallows the cancellation in
# the handler it lands in and re-raises the ValueError it was handling.

DEPTH = 3


async def level(i, swallow):
    print("   L%d enter" % i)
    try:
        try:
            await asyncio.sleep(0)
            if i == DEPTH:
                raise ValueError("bottom")
            return await level(i + 1, swallow)
        except ValueError as e:
            print("   L%d handles ValueError %r" % (i, str(e)))
            try:
                await asyncio.sleep(0)
            except asyncio.CancelledError as c:
                print("   L%d cancelled inside its handler %r" % (i, str(c)))
                if not swallow:
                    raise
                print("   L%d swallows it, keeps the ValueError" % i)
            raise ValueError("L%d<%s>" % (i, e))
        finally:
            print("   L%d inner finally" % i)
            await asyncio.sleep(0)
            print("   L%d inner finally resumed" % i)
    except asyncio.CancelledError as c:
        print("   L%d passes CancelledError %r" % (i, str(c)))
        raise
    finally:
        print("   L%d outer finally" % i)


async def run_case(k, swallow):
    print("== cancel after %d iterations, swallow=%s" % (k, swallow))
    t = asyncio.create_task(level(0, swallow))
    for _ in range(k):
        await asyncio.sleep(0)
    if t.done():
        print("  already done")
    else:
        print("  cancel ->", t.cancel("k%d" % k))
    try:
        await t
    except asyncio.CancelledError as e:
        print("  task cancelled %r cancelling=%d" % (str(e), t.cancelling()))
    except ValueError as e:
        print("  task failed ValueError %r cancelling=%d" % (str(e), t.cancelling()))


async def main():
    for k in range(16):
        await run_case(k, False)
    for k in (4, 5, 6, 7, 9, 11):
        await run_case(k, True)
    print("loop still works:", await asyncio.sleep(0, "yes"))


asyncio.run(main())
