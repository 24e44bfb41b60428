import asyncio

# `async with barrier as i:` / `async with lock:` / `async with sem:` with a body that does not
# suspend, in a task whose cancellation is pending (it cancelled itself): nothing suspends, so
# the bodies run and the code after them runs too; the CancelledError arrives at the first
# await that waits (sleep(0)).
async def main():
    log = []
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    b = asyncio.Barrier(1)

    async def body():
        task = asyncio.current_task()
        task.cancel("self")
        async with b as i:
            log.append(("barrier body", i))
        log.append(("after barrier", b.n_waiting))
        async with lock:
            log.append(("lock body", lock.locked()))
        log.append(("after lock", lock.locked()))
        async with sem:
            log.append(("sem body", sem.locked()))
        log.append(("after sem", sem.locked()))
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            log.append(("cancelled at sleep", str(e), task.cancelling()))
            raise

    t = asyncio.create_task(body())
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(("task cancelled", str(e)))
    for x in log:
        print(*x)

asyncio.run(main())
