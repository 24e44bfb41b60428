import asyncio

# A coroutine two levels below a task loops over as_completed() of four worker tasks (finishing
# after 1, 2, 2 and 4 iterations; the third fails with ValueError); each round awaits the next
# future inside try/except ValueError/finally, then hands the value to a coroutine that awaits
# again, and the finally clause awaits too. The task is cancelled after k iterations for every k
# until it finishes first, once, or with the level above catching the cancellation and going on
# to gather() the workers. Trace: the rounds, where the cancellation lands, that the workers are
# not cancelled by it (as_completed leaves them running), what the task returns.

log = []


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


async def worker(name, n, fail):
    for _ in range(n):
        await asyncio.sleep(0)
    L("      worker", name, "ends")
    if fail:
        raise ValueError(name)
    return name


async def handle(v):
    await asyncio.sleep(0)
    return v.upper()


async def consume(ws):
    got = []
    i = 0
    for f in asyncio.as_completed(ws):
        i += 1
        try:
            v = await f
            L("    round", i, "got", repr(v))
            got.append(await handle(v))
        except ValueError as e:
            L("    round", i, "ValueError", repr(str(e)))
            got.append("err")
        except asyncio.CancelledError as e:
            L("    round", i, "cancelled", repr(str(e)), "c=%d" % cnt())
            raise
        finally:
            await asyncio.sleep(0)
            L("    round", i, "finally", got)
    return got


async def outer(resist):
    ws = [asyncio.create_task(worker(n, k, n == "w3"), name=n) for n, k in
          (("w1", 1), ("w2", 2), ("w3", 2), ("w4", 4))]
    try:
        r = await consume(ws)
        L("  consume ->", r)
        return r
    except asyncio.CancelledError as e:
        L("  outer caught", repr(str(e)), "c=%d" % cnt(), "workers",
          ["done" if w.done() else "pending" for w in ws])
        if not resist:
            raise
        asyncio.current_task().uncancel()
        rs = await asyncio.gather(*ws, return_exceptions=True)
        return ["after-cancel"] + [r if isinstance(r, str) else repr(r) for r in rs]


async def main():
    for resist in (False, True):
        k = 0
        while True:
            log.clear()
            t = asyncio.create_task(outer(resist))
            for _ in range(k):
                await asyncio.sleep(0)
            if t.done():
                print("resist", resist, "finished before k =", k, "->", t.result())
                break
            t.cancel("k%d" % k)
            try:
                out = "result %r" % (await t,)
            except asyncio.CancelledError as e:
                out = "CancelledError %r" % str(e)
            print("resist", resist, "k=%d" % k, out, "cancelling", t.cancelling())
            for line in log:
                print("   ", line)
            for _ in range(6):
                await asyncio.sleep(0)
            k += 1
        for line in log:
            print("   ", line)


asyncio.run(main())
