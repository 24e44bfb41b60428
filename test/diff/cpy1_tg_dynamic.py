# CPython test_taskgroups.py scenarios: test_taskgroup_23, test_taskgroup_25.
# The body keeps adding children while earlier ones finish (the group's live task count, as its
# repr shows it, at each step), and children that spawn two more each until a sibling fails (the
# group cancels the whole brood). Deadlines are absolute (from t0) with 100 ms margins.
import asyncio

async def until(loop, t):
    await asyncio.sleep(t - loop.time())

async def t23():
    print("== test_taskgroup_23")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async def do_job(n, end):
        await until(loop, end)
        print("   job", n, "done")
    async with asyncio.TaskGroup() as g:
        for count in range(4):
            await until(loop, t0 + 0.2 * (count + 1))
            print("  step", count, repr(g))
            g.create_task(do_job(count, t0 + 0.2 * (count + 1) + 0.3))
            print("  created", repr(g))
        await until(loop, t0 + 1.2)
        print("  body ends", repr(g))
    print("  group exited", repr(g))

async def t25():
    print("== test_taskgroup_25")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    nhydras = 0
    cancelled = 0
    async def hydra(g, gen):
        nonlocal nhydras, cancelled
        nhydras += 1
        try:
            await until(loop, t0 + 0.2 * (gen + 1))
        except asyncio.CancelledError:
            cancelled += 1
            raise
        g.create_task(hydra(g, gen + 1))
        g.create_task(hydra(g, gen + 1))
    async def hercules():
        k = 0
        while nhydras < 10:
            await until(loop, t0 + 0.1 + 0.2 * k)
            print("  hercules", "sees", nhydras)
            k += 1
        1 / 0
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(hydra(g, 0))
            g.create_task(hercules())
    except ExceptionGroup as eg:
        print("  ExceptionGroup", repr(str(eg)), [type(e).__name__ for e in eg.exceptions])
    print("  nhydras", nhydras, "cancelled", cancelled)

async def main():
    for f in (t23, t25):
        await asyncio.create_task(f())

asyncio.run(main())
