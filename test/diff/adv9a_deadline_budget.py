import asyncio

# Request handlers with a deadline budget: each request runs under asyncio.timeout(budget); its
# stages (auth, db under a per-stage wait_for, render) report progress; a stage's own
# TimeoutError is caught inside the budget (degraded answer), the budget's expiry becomes a 504;
# a streaming request extends its deadline with reschedule() after each chunk, another disables
# it with reschedule(None); timeout(0) and timeout(-1) expire at the first suspension, timeout(None)
# never; a request cancelled from outside while under its budget ends cancelled (not a 504). A
# loop exception handler collects the errors of fire-and-forget audit callbacks (call_soon), and
# the loop keeps serving. Deadlines that fire are 100 ms or more apart from other events.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

async def stage(rid, name, kind):
    log.append("%s %s start" % (rid, name))
    if kind == "fast":
        await asyncio.sleep(0)
    elif kind == "slow":
        await asyncio.sleep(0.6)
    elif kind == "hang":
        await asyncio.sleep(30)
    log.append("%s %s done" % (rid, name))
    return name

async def handle(rid, budget, db_kind, render_kind="fast", db_timeout=0.2):
    loop = asyncio.get_running_loop()
    loop.call_soon(audit, rid, "begin")
    try:
        async with asyncio.timeout(budget) as cm:
            await stage(rid, "auth", "fast")
            try:
                rows = await asyncio.wait_for(stage(rid, "db", db_kind), db_timeout)
            except asyncio.TimeoutError:
                log.append("%s db stage timed out, degraded" % rid)
                rows = "cached"
            page = await stage(rid, "render", render_kind)
            result = "200 %s+%s" % (rows, page)
        log.append("%s expired=%s" % (rid, cm.expired()))
        return result
    except TimeoutError:
        log.append("%s budget spent, expired=%s" % (rid, cm.expired()))
        return "504"
    except asyncio.CancelledError as e:
        log.append("%s cancelled %r expired=%s" % (rid, str(e), cm.expired()))
        raise
    finally:
        loop.call_soon(audit, rid, "end")

def audit(rid, what):
    if rid == "r3" and what == "end":
        raise KeyError("audit store down for %s" % rid)
    log.append("audit %s %s" % (rid, what))

async def main():
    loop = asyncio.get_running_loop()

    def handler(loop, ctx):
        log.append("handler: %s / %r" % (ctx["message"].split(" at ")[0].split("(")[0], ctx.get("exception")))
    loop.set_exception_handler(handler)

    print("-- five requests at once")
    reqs = {
        "r1": handle("r1", 2.0, "fast"),                  # all fast
        "r2": handle("r2", 2.0, "hang", db_timeout=0.2),  # db times out at 0.2, degraded
        "r3": handle("r3", 0.4, "fast", "slow"),          # render takes 0.6 > budget: 504 at 0.4
        "r4": handle("r4", 0.8, "fast", "hang"),          # 504 at 0.8
        "r5": handle("r5", 5, "fast", "hang"),            # cancelled from outside at 1.0
    }
    t0 = loop.time()
    ts = {k: asyncio.create_task(v, name=k) for k, v in reqs.items()}
    for at in (0.1, 0.3, 0.6, 1.0):  # counted from t0, so the polls do not drift
        await asyncio.sleep(max(0, t0 + at - loop.time()))
        flush(str(at))
    print("cancel r5 ->", ts["r5"].cancel("client went away"))
    res = await asyncio.gather(*ts.values(), return_exceptions=True)
    await asyncio.sleep(0)
    flush("done")
    print("results", [(k, type(r).__name__ if isinstance(r, BaseException) else r) for k, r in zip(ts, res)])

    print("-- streaming: extend the deadline per chunk, or drop it")

    async def stream(rid, chunks, step, extend):
        got = []
        try:
            async with asyncio.timeout(0.3) as cm:
                for i in range(chunks):
                    await asyncio.sleep(step)
                    got.append(i)
                    if extend == "extend":
                        cm.reschedule(loop.time() + 0.3)
                    elif extend == "drop" and i == 0:
                        cm.reschedule(None)
                        log.append("%s deadline dropped: when=%r" % (rid, cm.when()))
            return "%s complete %r" % (rid, got)
        except TimeoutError:
            return "%s cut after %r" % (rid, got)

    out = await asyncio.gather(stream("s1", 4, 0.2, "extend"), stream("s2", 4, 0.2, "none"),
                               stream("s3", 3, 0.2, "drop"))
    flush("streams")
    print("streams", out)

    print("-- odd budgets")
    for budget in (0, -1, None):
        try:
            async with asyncio.timeout(budget) as cm:
                log.append("body runs, when is None: %s" % (cm.when() is None))
                await asyncio.sleep(0)
                log.append("after first await")
            flush("timeout(%r) passed, expired=%s" % (budget, cm.expired()))
        except TimeoutError:
            flush("timeout(%r) -> TimeoutError, expired=%s" % (budget, cm.expired()))
    print("alive", await asyncio.sleep(0, "yes"))

asyncio.run(main())
