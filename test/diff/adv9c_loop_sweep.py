import asyncio

# An async function three levels deep (top -> middle -> leaf, direct awaits of coroutines, no
# tasks) whose middle level loops: each round awaits the leaf (one or two sleep(0)s by parity,
# returning a value), leaves round 1 with `continue` and round 4 with `break`, both from inside a
# try whose finally clause awaits, and on round 2 catches a CancelledError, uncancel()s, awaits
# and goes on with `continue`. The task is cancelled after k iterations for every k until it
# finishes first, once or twice (the second request one iteration later, often landing in a
# finally clause's await, which replaces the `continue`/`break` in flight). Trace: every step of
# the loop, cancelling() seen at each catch, what the awaiter gets.

log = []


def cnt():
    return asyncio.current_task().cancelling()


async def leaf(i):
    log.append("leaf%d in" % i)
    await asyncio.sleep(0)
    if i % 2:
        await asyncio.sleep(0)
    log.append("leaf%d out" % i)
    return i * 10


async def middle():
    total = 0
    i = 0
    while True:
        i += 1
        try:
            try:
                v = await leaf(i)
            except asyncio.CancelledError as e:
                log.append("mid caught %r at %d c=%d" % (str(e), i, cnt()))
                if i == 2:
                    log.append("uncancel -> %d" % asyncio.current_task().uncancel())
                    await asyncio.sleep(0)
                    log.append("mid resumed after resisting")
                    continue
                raise
            total += v
            if i == 1:
                log.append("continue at 1")
                continue
            if i >= 4:
                log.append("break at %d" % i)
                break
            log.append("fall through at %d" % i)
        finally:
            log.append("fin%d total=%d c=%d" % (i, total, cnt()))
            await asyncio.sleep(0)
            log.append("fin%d done" % i)
    log.append("middle returns %d" % total)
    return total


async def top():
    try:
        r = await middle()
        log.append("top got %r" % r)
        return ("top", r)
    except asyncio.CancelledError as e:
        log.append("top caught %r c=%d" % (str(e), cnt()))
        raise
    finally:
        log.append("top finally c=%d" % cnt())


async def run(k, twice):
    log.clear()
    t = asyncio.create_task(top(), name="T")
    for _ in range(k):
        await asyncio.sleep(0)
    if t.done():
        return False
    t.cancel("c%d" % k)
    if twice:
        await asyncio.sleep(0)
        print("  second cancel ->", t.cancel("again"))
    try:
        r = await t
        out = "result %r" % (r,)
    except asyncio.CancelledError as e:
        out = "CancelledError %r" % str(e)
    print("k=%d twice=%s: %s cancelling=%d" % (k, twice, out, t.cancelling()))
    for line in log:
        print("   ", line)
    return True


async def main():
    for twice in (False, True):
        k = 0
        while await run(k, twice):
            k += 1
        print("finished uncancelled at k =", k)
        for line in log:
            print("   ", line)


asyncio.run(main())
