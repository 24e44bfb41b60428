import asyncio

# Event.wait() cancelled at every point of a script that sets, clears and sets the event again:
# before the waiter runs, while waiting, set but not yet run (the True is lost, the cancellation
# wins), after a set+clear in one iteration (woken all the same), waiting again after a clear,
# and finished; a waiter that swallows one cancellation (uncancel) and waits again, and one
# waiting through asyncio.wait_for(); the event's repr counts waiters until they have run.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    e = t.exception()
    return type(e).__name__ if e else t.result()

async def scenario(target, k):
    log = []
    ev = asyncio.Event()

    async def plain(name):
        n = 0
        while n < 2:
            try:
                v = await ev.wait()
            except asyncio.CancelledError as e:
                log.append(("cancel", name, e.args, ev.is_set()))
                raise
            n += 1
            log.append(("woke", name, v, ev.is_set()))
            await asyncio.sleep(0)
        return name

    async def resilient(name):
        swallowed = False
        n = 0
        while n < 2:
            try:
                await ev.wait()
            except asyncio.CancelledError as e:
                log.append(("cancel", name, e.args, ev.is_set()))
                if swallowed:
                    raise
                swallowed = True
                log.append(("uncancel", name, asyncio.current_task().uncancel()))
                continue
            n += 1
            log.append(("woke", name, ev.is_set()))
            await asyncio.sleep(0)
        return name

    async def timed(name):
        try:
            v = await asyncio.wait_for(ev.wait(), 10)
        except asyncio.CancelledError as e:
            log.append(("cancel", name, e.args, ev.is_set()))
            raise
        log.append(("woke", name, v))
        return name

    ts = {"A": asyncio.create_task(plain("A")), "R": asyncio.create_task(resilient("R")),
          "T": asyncio.create_task(timed("T"))}
    step = [0]

    def tick(what):
        if step[0] == k:
            ts[target].cancel("k%d" % k)
            log.append(("cancel!", target))
        print(" ", step[0], what, *log, "|", r(ev), *[n + ":" + str(st(t)) for n, t in ts.items()])
        log.clear()
        step[0] += 1

    tick("created")
    await asyncio.sleep(0)
    tick("waiting")
    ev.set()
    tick("set")
    await asyncio.sleep(0)
    ev.clear()
    tick("ran, clear")
    await asyncio.sleep(0)
    tick("step")
    ev.set()
    ev.clear()
    tick("set+clear")
    await asyncio.sleep(0)
    tick("step")
    await asyncio.sleep(0)
    tick("step")
    ev.set()
    await asyncio.sleep(0)
    tick("set, step")
    for i in range(3):
        await asyncio.sleep(0)
        tick("step")
    for t in ts.values():
        t.cancel()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    print("  final", r(ev), *[n + ":" + str(st(t)) for n, t in ts.items()])

async def main():
    for target in "ART":
        for k in range(0, 10):
            print("-- target", target, "k", k)
            await scenario(target, k)

asyncio.run(main())
