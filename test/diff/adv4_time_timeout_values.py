import asyncio

# timeout()/timeout_at() with edge values (0, negative, -inf, tiny, inf, None, -0.0) and
# reschedule() to extreme deadlines: when(), the repr's rounded deadline, whether the expiry
# arrives before or after a callback the body scheduled right after entering, and after how many
# loop iterations (a call_soon ticker counts them).
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

    print("-- deadlines that are already due")
    makers = [
        ("timeout(0)", lambda: asyncio.timeout(0)),
        ("timeout(-1)", lambda: asyncio.timeout(-1)),
        ("timeout(-inf)", lambda: asyncio.timeout(-INF)),
        ("timeout(-0.0)", lambda: asyncio.timeout(-0.0)),
        ("timeout(1e-9)", lambda: asyncio.timeout(1e-9)),
        ("timeout(5e-324)", lambda: asyncio.timeout(5e-324)),
        ("timeout_at(now)", lambda: asyncio.timeout_at(loop.time())),
        ("timeout_at(-inf)", lambda: asyncio.timeout_at(-INF)),
        ("timeout_at(-1e300)", lambda: asyncio.timeout_at(-1e300)),
    ]
    for label, make in makers:
        n0 = st["n"]
        seen = []
        cm = None
        try:
            async with make() as cm:
                loop.call_soon(lambda: seen.append("callback sees expired=%s" % cm.expired()))
                await asyncio.sleep(INF)
        except TimeoutError:
            print(label, "TimeoutError after ticks", st["n"] - n0, seen, repr(cm))

    print("-- deadlines that never come")
    for label, make in [("timeout(None)", lambda: asyncio.timeout(None)),
                        ("timeout(inf)", lambda: asyncio.timeout(INF)),
                        ("timeout_at(inf)", lambda: asyncio.timeout_at(INF)),
                        ("timeout_at(None)", lambda: asyncio.timeout_at(None)),
                        ("timeout(1e300)", lambda: asyncio.timeout(1e300))]:
        async with make() as cm:
            print(label, "when", cm.when(), repr(cm))
            await asyncio.sleep(0.002)
            r = await asyncio.sleep(0, "body done")
        print(label, r, "expired", cm.expired(), repr(cm))

    print("-- reschedule() to extreme and oddly rounded deadlines: repr rounds when to 3 places")
    async with asyncio.timeout(None) as cm:
        for w in [INF, 1e300, 2.0 ** 60, 1e16, 4503599627370495.5, 3e12 + 0.0625, 3e12 + 0.1875,
                  1e15 + 0.25, 123456789012.3456, -INF, -1e300, -2.0005, -1.0005, -0.0005, -0.0625,
                  -0.1875, -1234.5675, -1e-4, -0.0, -5e-324, None]:
            cm.reschedule(w)
            print(" ", repr(cm), cm.when() == w if w is not None else cm.when())
        await asyncio.sleep(0.002)
    print("survived all reschedules, expired", cm.expired())

    print("-- reschedule(inf) and (None) keep an expiring-soon timeout from firing")
    for w in (INF, None, 1e300):
        async with asyncio.timeout(0) as cm:
            cm.reschedule(w)
            await asyncio.sleep(0.002)
        print(" ", w, "expired", cm.expired())

    print("-- reschedule into the past from inside a callback (not from the task)")
    try:
        async with asyncio.timeout(INF) as cm:
            loop.call_soon(cm.reschedule, -INF)
            n0 = st["n"]
            await asyncio.sleep(INF)
    except TimeoutError:
        print("TimeoutError after ticks", st["n"] - n0, repr(cm))

    print("-- nested: inner timeout(0) inside outer timeout(inf), and the reverse")
    async with asyncio.timeout(INF) as outer:
        try:
            async with asyncio.timeout(0) as inner:
                await asyncio.sleep(INF)
        except TimeoutError:
            print("inner TimeoutError", inner.expired(), outer.expired())
    print("outer done", outer.expired())
    try:
        async with asyncio.timeout(-1) as outer:
            async with asyncio.timeout(INF) as inner:
                await asyncio.sleep(INF)
    except TimeoutError:
        print("outer TimeoutError", inner.expired(), outer.expired(), repr(inner))

    print("-- two already-due timeouts nested, both entered in the same step")
    try:
        async with asyncio.timeout(-5) as outer:
            async with asyncio.timeout(0) as inner:
                await asyncio.sleep(INF)
    except TimeoutError:
        print("TimeoutError: inner expired", inner.expired(), "outer expired", outer.expired())

    st["on"] = False
    await asyncio.sleep(0)


asyncio.run(main())
