import asyncio

# sleep() with edge delays (0, -0.0, negative, -inf, subnormal, tiny, huge, inf) and result
# values: what it returns, how many loop iterations it takes (a call_soon ticker counts them),
# and how infinite or huge sleeps end when cancelled.
INF = float("inf")


async def main():
    loop = asyncio.get_running_loop()
    st = {"n": 0, "on": True}

    def tick():
        st["n"] += 1
        if st["on"]:
            loop.call_soon(tick)

    loop.call_soon(tick)
    await asyncio.sleep(0)

    print("-- awaited directly")
    obj = {"k": [1, 2]}
    cases = [
        ("0", 0, None),
        ("0 result", 0, "r"),
        ("-0.0", -0.0, "negzero"),
        ("-1", -1, [1, 2]),
        ("-inf", -INF, "neg inf"),
        ("-1e300", -1e300, 3.5),
        ("5e-324", 5e-324, "denormal"),
        ("1e-9", 1e-9, "tiny"),
        ("0 obj", 0, obj),
        ("1e-9 obj", 1e-9, obj),
        ("0.0 float result", 0.0, 0.1 + 0.2),
    ]
    for label, d, res in cases:
        n0 = st["n"]
        r = await asyncio.sleep(d, res)
        print(label, "->", repr(r), "same object" if r is res else "other object", "ticks", st["n"] - n0)

    print("-- as tasks")
    for label, d, res in cases[:8]:
        n0 = st["n"]
        t = asyncio.create_task(asyncio.sleep(d, res))
        done_at = []
        t.add_done_callback(lambda f, n0=n0, d=done_at: d.append(st["n"] - n0))
        while not t.done():
            await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(label, "task ->", repr(t.result()), "done after ticks", done_at)

    print("-- concurrently, completion order")
    order = []

    async def w(d, v):
        r = await asyncio.sleep(d, v)
        order.append(r)
        return r

    n0 = st["n"]
    res = await asyncio.gather(w(0.05, "d50ms"), w(1e-9, "tiny"), w(-1, "neg"), w(0, "zero"),
                               w(5e-324, "denorm"), w(-INF, "ninf"), w(0.001, "d1ms"))
    print("gather", res)
    print("order", order)

    print("-- infinite and huge sleeps, cancelled")
    for label, d, msg in [("inf", INF, None), ("inf msg", INF, "stop it"), ("1e300", 1e300, "big"),
                          ("1e9", 1e9, None), ("86400*400", 86400 * 400, "long")]:
        async def sleeper():
            try:
                return await asyncio.sleep(d, "never")
            except asyncio.CancelledError as e:
                print(" ", label, "sleeper caught", repr(e.args))
                raise

        t = asyncio.create_task(sleeper())
        for _ in range(3):
            await asyncio.sleep(0)
        print(" ", label, "still pending", not t.done())
        t.cancel(msg)
        try:
            await t
        except asyncio.CancelledError as e:
            print(" ", label, "cancelled", t.cancelled(), repr(e.args))

    print("-- sleep(0) / sleep(-1) interrupted by a cancel in the same iteration")
    for d in (0, -1, -INF):
        async def s0():
            try:
                await asyncio.sleep(d, "x")
                print("  not cancelled?!")
            except asyncio.CancelledError as e:
                print("  sleep", d, "got CancelledError", repr(e.args))
                return "swallowed"

        t = asyncio.create_task(s0())
        await asyncio.sleep(0)  # t is now inside its sleep
        t.cancel("now")
        print("  result", await t)

    print("-- inf sleep raced against a short one")
    t_inf = asyncio.create_task(asyncio.sleep(INF, "inf"))
    t_short = asyncio.create_task(asyncio.sleep(0.002, "short"))
    done, pending = await asyncio.wait([t_inf, t_short], return_when=asyncio.FIRST_COMPLETED)
    print("done", [t.result() for t in done], "pending", len(pending), t_inf in pending)
    t_inf.cancel()
    await asyncio.sleep(0)
    print("inf cancelled", t_inf.cancelled())

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
