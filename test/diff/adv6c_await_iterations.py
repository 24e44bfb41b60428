import asyncio

# How many loop iterations an await takes when what it awaits is already done (or needs no
# waiting): a done future or task does not suspend, nor does a coroutine that returns at once,
# a shield() of a done future, wait_for() with timeout 0 or None on a done future, an empty
# timeout() block, an empty TaskGroup, an uncontended Lock or Semaphore, a set Event, a
# non-empty Queue; gather() and wait() of done futures, and wait_for() with a timeout, each
# take their own number of iterations. A callback queued just before shows whether the
# awaiting step was interrupted. Each row also runs inside three levels of coroutines.

it = [0]
log = []


async def clock(stop):
    while not stop.done():
        it[0] += 1
        await asyncio.sleep(0)


async def instant(x):
    return x


async def nest(n, make):
    if n == 0:
        return await make()
    return await nest(n - 1, make)


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    ck = asyncio.create_task(clock(stop))
    await asyncio.sleep(0)

    done = loop.create_future()
    done.set_result("d")
    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    t_done = asyncio.create_task(instant("t"))
    await asyncio.sleep(0)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ev = asyncio.Event()
    ev.set()
    q = asyncio.Queue()

    async def lock_block():
        async with lock:
            return lock.locked()

    async def sem_block():
        async with sem:
            return sem.locked()

    async def q_get():
        q.put_nowait("item")
        return await q.get()

    async def empty_timeout():
        async with asyncio.timeout(10):
            return "inside"

    async def empty_group():
        async with asyncio.TaskGroup():
            return "group"

    async def sleep0():
        return await asyncio.sleep(0, "slept")

    async def gather_done():
        return await asyncio.gather(done, t_done)

    async def gather_none():
        return await asyncio.gather()

    async def gather_coro():
        return await asyncio.gather(instant(1))

    async def wait_done():
        d, p = await asyncio.wait([done, t_done])
        return len(d), len(p)

    async def wait_first():
        d, p = await asyncio.wait([done], return_when=asyncio.FIRST_COMPLETED)
        return len(d)

    async def wait_for_0():
        return await asyncio.wait_for(done, 0)

    async def wait_for_none():
        return await asyncio.wait_for(done, None)

    async def wait_for_10():
        return await asyncio.wait_for(done, 10)

    async def wait_for_coro_none():
        return await asyncio.wait_for(instant("c"), None)

    async def shield_done():
        return await asyncio.shield(done)

    async def shield_task():
        return await asyncio.shield(t_done)

    async def ensure_done():
        return await asyncio.ensure_future(done)

    async def failed_fut():
        try:
            await failed
        except KeyError as e:
            return "KeyError " + str(e)

    async def new_task():
        return await asyncio.create_task(instant("n"))

    async def as_completed_done():
        out = []
        for f in asyncio.as_completed([done, t_done]):
            out.append(await f)
        return sorted(out)

    rows = [
        ("done future", lambda: done),
        ("done task", lambda: t_done),
        ("failed future", failed_fut),
        ("instant coroutine", lambda: instant("i")),
        ("shield(done)", shield_done),
        ("shield(done task)", shield_task),
        ("ensure_future(done)", ensure_done),
        ("wait_for(done, 0)", wait_for_0),
        ("wait_for(done, None)", wait_for_none),
        ("wait_for(done, 10)", wait_for_10),
        ("wait_for(coro, None)", wait_for_coro_none),
        ("empty timeout block", empty_timeout),
        ("empty TaskGroup", empty_group),
        ("Lock block", lock_block),
        ("Semaphore block", sem_block),
        ("set Event", ev.wait),
        ("Queue get", q_get),
        ("sleep(0)", sleep0),
        ("gather()", gather_none),
        ("gather(done, task)", gather_done),
        ("gather(coro)", gather_coro),
        ("wait(done)", wait_done),
        ("wait(FIRST_COMPLETED)", wait_first),
        ("new task", new_task),
        ("as_completed(done)", as_completed_done),
    ]
    for name, make in rows:
        for depth in (0, 3):
            loop.call_soon(log.append, "cb")
            before = it[0]
            if depth == 0:
                v = await make()
            else:
                v = await nest(depth, make)
            print("%-22s depth %d -> %-12r iterations %d, callback ran %s"
                  % (name, depth, v, it[0] - before, log == ["cb"]))
            await asyncio.sleep(0)
            del log[:]
    stop.set_result(None)
    await ck


asyncio.run(main())
