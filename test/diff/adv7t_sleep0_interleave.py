import asyncio

# sleep(0), sleep(-1), sleep(-inf) and sleep(0, result) interleaved with call_soon chains and with
# other tasks' steps: each gives up exactly one iteration, behind everything queued before it;
# call_soon from inside a step lands before the task's own wake-up; a task that sleeps(0) in a
# loop against a call_soon ping-pong; sleep(0) in a done callback's task; the order of steps of
# tasks created in one step; what a cancelled sleep(0) lets run first.
INF = float("inf")


async def main():
    loop = asyncio.get_running_loop()
    out = []

    def cb(name):
        out.append(name)

    async def worker(name, delays):
        for i, d in enumerate(delays):
            loop.call_soon(cb, "%s.cb%d" % (name, i))
            r = await asyncio.sleep(d, "%s.r%d" % (name, i))
            out.append(r)
        return name

    print("-- three workers, zero and negative sleeps, with call_soon before each")
    ts = [asyncio.create_task(worker("A", [0, 0, 0])),
          asyncio.create_task(worker("B", [-1, -INF, 0])),
          asyncio.create_task(worker("C", [0, -0.0]))]
    loop.call_soon(cb, "main.cb")
    print(await asyncio.gather(*ts))
    for i in range(0, len(out), 6):
        print("  ", out[i:i + 6])
    out.clear()

    print("-- ping-pong of call_soon against a sleeping(0) task")
    st = {"n": 0}

    def ping(k):
        out.append("ping%d" % k)
        if k < 5:
            loop.call_soon(ping, k + 1)

    async def spinner():
        for i in range(5):
            out.append("spin%d" % i)
            await asyncio.sleep(0)
        return "spun"

    loop.call_soon(ping, 0)
    t = asyncio.create_task(spinner())
    print(await t)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  ", out)
    out.clear()

    print("-- tasks created in one step, each sleeping(0) twice")

    async def twice(name):
        out.append(name + "1")
        await asyncio.sleep(0)
        out.append(name + "2")
        await asyncio.sleep(-1)
        out.append(name + "3")

    for n in "xyz":
        asyncio.create_task(twice(n))
        loop.call_soon(cb, "soon-" + n)
    await asyncio.sleep(0)
    out.append("main-a")
    await asyncio.sleep(0)
    out.append("main-b")
    await asyncio.sleep(0)
    out.append("main-c")
    await asyncio.sleep(0)
    print("  ", out)
    out.clear()

    print("-- a done callback that starts a task which sleeps(0)")

    async def late():
        out.append("late start")
        await asyncio.sleep(0)
        out.append("late end")

    def on_done(f):
        out.append("done cb " + repr(f.result()))
        asyncio.create_task(late())
        loop.call_soon(cb, "soon-from-done-cb")

    t = asyncio.create_task(asyncio.sleep(0, "first"))
    t.add_done_callback(on_done)
    for i in range(4):
        out.append("main%d" % i)
        await asyncio.sleep(0)
    print("  ", out)
    out.clear()

    print("-- a sleep(0) cancelled: what runs before its CancelledError")

    async def victim():
        try:
            out.append("victim sleeping")
            await asyncio.sleep(0, "v")
            out.append("victim woke")
        except asyncio.CancelledError:
            out.append("victim cancelled")
            loop.call_soon(cb, "victim's soon")
            await asyncio.sleep(0)
            out.append("victim after extra sleep")
            return "survived"

    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    loop.call_soon(cb, "queued before cancel")
    t.cancel()
    loop.call_soon(cb, "queued after cancel")
    out.append("result " + await t)
    print("  ", out)
    out.clear()

    print("-- sleep(0) results")
    for res in (None, 0, "", [], (1,), {"a": 1}, 2.5, -0.0, False):
        r = await asyncio.sleep(0, res)
        out.append(repr(r))
    print("  ", out)


asyncio.run(main())
