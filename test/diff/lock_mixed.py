import asyncio

# All primitives together, shared by several tasks (in the aionode twins: generator tasks and
# async-function tasks side by side, with bodies of the other kind): an Event starts them, a
# Semaphore bounds them, a Lock serializes a section, a Condition on that same Lock holds them
# until a flag is set, a Barrier lines them up at the end.
async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    b = asyncio.Barrier(4)
    ready = []
    log = []

    async def worker(name):
        await ev.wait()
        log.append(("start", name))
        async with sem:
            async with lock:
                log.append(("locked", name, sem.locked()))
                await asyncio.sleep(0)
            log.append(("unlocked", name))
        async with cond:
            v = await cond.wait_for(lambda: ready and ready[0])
            log.append(("cond", name, v))
        k = await b.wait()
        log.append(("barrier", name, k))
        return name

    tasks = [asyncio.create_task(worker(n)) for n in "abcd"]
    await asyncio.sleep(0)
    ev.set()
    for i in range(8):
        await asyncio.sleep(0)
        log.append(("tick", i))
    async with cond:
        ready.append("go")
        cond.notify_all()
    print("results", await asyncio.gather(*tasks))
    for entry in log:
        print(*entry)
    print("final", lock.locked(), sem.locked(), ev.is_set(), b.n_waiting)

asyncio.run(main())
