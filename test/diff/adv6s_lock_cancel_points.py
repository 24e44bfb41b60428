import asyncio

# Lock fairness with a waiter cancelled at every point of one script: queued behind main, woken
# by release() but not yet run (the wake-up passes to the next waiter), holding the lock between
# two sleeps (its finally releases), after it finished; a newcomer arriving while a woken waiter
# has not run is refused; in the retry variant the cancelled waiter uncancels itself and queues
# again at the back. The order in which the lock is granted, the reprs and the states per step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    return "C" if t.cancelled() else t.result()

async def scenario(target, k, retry):
    log = []
    order = []
    lock = asyncio.Lock()

    async def worker(name):
        retried = False
        while True:
            try:
                await lock.acquire()
            except asyncio.CancelledError as e:
                log.append(("cancel", name, e.args, lock.locked()))
                if retry and not retried and asyncio.current_task().uncancel() == 0:
                    retried = True
                    log.append(("retry", name, r(lock)))
                    continue
                raise
            break
        order.append(name)
        log.append(("got", name))
        try:
            await asyncio.sleep(0)
            log.append(("holding", name))
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(("cancel-holding", name, e.args))
            raise
        finally:
            lock.release()
            log.append(("rel", name, r(lock)))
        return name

    await lock.acquire()
    ts = {n: asyncio.create_task(worker(n)) for n in "ABC"}
    step = [0]

    def tick(what):
        if step[0] == k:
            ts[target].cancel("k%d" % k)
            log.append(("cancel!", target))
        print(" ", step[0], what, *log, "|", r(lock), *[st(t) for t in ts.values()])
        log.clear()
        step[0] += 1

    tick("created")
    await asyncio.sleep(0)
    tick("queued")
    lock.release()
    tick("released")
    ts["N"] = asyncio.create_task(worker("N"))
    await asyncio.sleep(0)
    tick("newcomer")
    for i in range(9):
        await asyncio.sleep(0)
        tick("step")
    await asyncio.gather(*ts.values(), return_exceptions=True)
    print("  order", order, r(lock), *[st(t) for t in ts.values()])

async def main():
    for retry in (False, True):
        for target in "AB":
            for k in range(0, 10):
                print("-- target", target, "k", k, "retry", retry)
                await scenario(target, k, retry)

asyncio.run(main())
