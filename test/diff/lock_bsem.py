import asyncio

# BoundedSemaphore: like Semaphore, but releasing above the initial value fails (ValueError in
# Python; aionode throws RangeError with the same message) and leaves the counter and the
# loop intact.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

async def main():
    sem = asyncio.BoundedSemaphore(2)
    print("initial", r(sem), sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("release error:", str(e), r(sem))
    await sem.acquire()
    await sem.acquire()
    print("both taken", r(sem), sem.locked())
    w = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("waiting", r(sem))
    sem.release()
    print("released once (handed to waiter)", r(sem))
    await w
    sem.release()
    sem.release()
    print("released all", r(sem))
    try:
        sem.release()
    except ValueError as e:
        print("release error:", str(e), r(sem))

    print("-- with")
    log = []
    async def job(i):
        async with sem:
            log.append(("in", i, r(sem)))
            await asyncio.sleep(0)
        log.append(("out", i))
    await asyncio.gather(*(job(i) for i in range(4)))
    for entry in log:
        print(*entry)
    print("final", r(sem))

    print("-- over-release while a woken waiter has not run yet")
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    w = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    try:
        sem.release()
        print("second release accepted", r(sem))
    except ValueError as e:
        print("release error:", str(e), r(sem))
    await w
    print("after", r(sem))
    try:
        sem.release()
    except ValueError as e:
        print("release error:", str(e), r(sem))
    print("end", r(sem), "loop still runs", await asyncio.sleep(0, True))

asyncio.run(main())
