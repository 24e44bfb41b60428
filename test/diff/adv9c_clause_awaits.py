import asyncio

# try / except ValueError / except CancelledError / else / finally, every clause awaiting (the
# except and finally clauses await a further coroutine that itself awaits), in a coroutine
# awaited directly two levels below the task. The body either succeeds (else clause runs) or
# fails with ValueError (except clause recovers), and the finally clause either falls through or
# returns (which swallows whatever is in flight, a CancelledError included: the task then ends
# with a result while cancelling() stays 1). The task is cancelled after k iterations for every
# k until it finishes first, with one request, and with a second one an iteration later.


log = []


def L(*a):
    log.append(" ".join(str(x) for x in a))


def cnt():
    return asyncio.current_task().cancelling()


async def inner(tag, mode):
    L(tag, "inner start")
    await asyncio.sleep(0)
    if mode == "fail":
        L(tag, "inner raises")
        raise ValueError(tag)
    L(tag, "inner returns")
    return tag.upper()


async def clauses(mode, ret_in_finally):
    try:
        L("try: await inner")
        r = await inner("t", mode)
        L("try: got", r)
    except ValueError as e:
        L("except: caught", repr(str(e)))
        await asyncio.sleep(0)
        r2 = await inner("x", "ok")
        r = "recovered-" + r2
        L("except: recovered", r)
    except asyncio.CancelledError as e:
        L("except cancel:", repr(str(e)), "c=%d" % cnt())
        await asyncio.sleep(0)
        L("except cancel: re-raise")
        raise
    else:
        L("else: await")
        await asyncio.sleep(0)
        r = r + "-else"
        L("else: done", r)
    finally:
        L("finally: await c=%d" % cnt())
        await inner("f", "ok")
        L("finally: done")
        if ret_in_finally:
            return "finally-return"
    return r


async def outer(mode, ret_in_finally):
    try:
        r = await clauses(mode, ret_in_finally)
        L("outer got", repr(r))
        return r
    except BaseException as e:
        L("outer sees", type(e).__name__, repr(str(e)))
        raise


async def run(k, mode, ret, twice):
    log.clear()
    t = asyncio.create_task(outer(mode, ret))
    for _ in range(k):
        await asyncio.sleep(0)
    if t.done():
        return False
    t.cancel("c%d" % k)
    if twice:
        await asyncio.sleep(0)
        t.cancel("again")
    try:
        out = "result %r" % (await t)
    except asyncio.CancelledError as e:
        out = "CancelledError %r" % str(e)
    print("k=%d: %s cancelling=%d" % (k, out, t.cancelling()))
    for line in log:
        print("   ", line)
    return True


async def main():
    for mode in ("ok", "fail"):
        for ret in (False, True):
            for twice in (False, True):
                print("== mode", mode, "return in finally", ret, "twice", twice)
                k = 0
                while await run(k, mode, ret, twice):
                    k += 1
                print("uncancelled at k =", k, "log:", " | ".join(log))


asyncio.run(main())
