import asyncio

# Lock: a woken waiter that catches its cancellation and acquires again lines up behind the
# waiter its wake-up was passed to; shield(lock.acquire()) cancelled from outside: the inner
# acquire goes on and takes the lock for nobody (locked() stays True until someone releases);
# acquire() as a task cancelled before its first step never touches the lock; release() of an
# unlocked lock.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    log = []
    lock = asyncio.Lock()

    async def taker(name, retry=False):
        while True:
            try:
                await lock.acquire()
                break
            except asyncio.CancelledError as e:
                log.append(("cancelled", name, str(e), r(lock)))
                if not retry:
                    raise
                retry = False
                log.append(("uncancel", name, asyncio.current_task().uncancel()))
        log.append(("got", name, r(lock)))
        await asyncio.sleep(0)
        lock.release()
        log.append(("released", name, r(lock)))
        return name

    def flush(tag):
        print(tag, *log, "|", r(lock), lock.locked())
        log.clear()

    print("-- woken waiter retries after its cancellation")
    await lock.acquire()
    ts = [asyncio.create_task(taker(n, retry=(n == "A"))) for n in "ABC"]
    await asyncio.sleep(0)
    lock.release()
    ts[0].cancel("retry me")
    flush("released")
    for i in range(7):
        await asyncio.sleep(0)
        flush("tick%d" % i)
    print([t.result() for t in ts])

    print("-- shield(acquire) cancelled from outside")
    await lock.acquire()
    async def shielded():
        try:
            await asyncio.shield(lock.acquire())
        except asyncio.CancelledError:
            log.append(("outer cancelled", r(lock)))
            raise
    s = asyncio.create_task(shielded())
    b = asyncio.create_task(taker("B"))
    await asyncio.sleep(0)
    flush("queued")
    s.cancel()
    await asyncio.sleep(0)
    flush("outer gone")
    lock.release()      # B is first in line, the shielded inner acquire second
    for i in range(1, 5):
        await asyncio.sleep(0)
        flush("tick%d" % i)
    print("held for nobody:", lock.locked(), b.result())
    lock.release()
    flush("released by main")

    print("-- acquire task cancelled before its first step")
    t = asyncio.create_task(lock.acquire())
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), r(lock))
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(t.result(), r(lock))
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", str(e), r(lock))

asyncio.run(main())
