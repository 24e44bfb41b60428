import asyncio

# Nested asyncio.timeout() blocks whose deadlines pass in the same iteration (order forced with
# reschedule(loop.time()), which schedules the expiry with call_soon), a timeout entered while an
# outer one is already expiring, and external cancels mixed in. Prints cancelling() throughout.


def cnt():
    return asyncio.current_task().cancelling()


async def both_expire(first):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    if first == "inner":
                        inner.reschedule(loop.time())
                        outer.reschedule(loop.time())
                    else:
                        outer.reschedule(loop.time())
                        inner.reschedule(loop.time())
                    try:
                        await asyncio.sleep(10)
                    except asyncio.CancelledError as e:
                        print("  body CancelledError, cancelling", cnt())
                        raise
            except TimeoutError:
                print("  inner converted (wrong)")
            except asyncio.CancelledError:
                print("  past inner: CancelledError, cancelling", cnt(), "inner expired", inner.expired())
                raise
    except TimeoutError:
        print("  outer TimeoutError, cancelling", cnt(), "outer expired", outer.expired())


async def timeout_in_cleanup():
    try:
        async with asyncio.timeout(0) as outer:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  outer expiring, cancelling", cnt())
                try:
                    async with asyncio.timeout(0) as inner:
                        await asyncio.sleep(10)
                except TimeoutError:
                    print("  inner TimeoutError during cleanup, cancelling", cnt())
                try:
                    async with asyncio.timeout(10) as inner2:
                        await asyncio.sleep(0)
                    print("  inner2 finished, expired", inner2.expired(), "cancelling", cnt())
                except BaseException as e:
                    print("  inner2 raised", type(e).__name__)
                raise
    except TimeoutError:
        print("  outer TimeoutError, cancelling", cnt())


async def external_between(holder):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as outer:
            holder.append(outer)
            async with asyncio.timeout(10) as inner:
                holder.append(inner)
                await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError, cancelling", cnt())
    except asyncio.CancelledError as e:
        print("  CancelledError", repr(str(e)), "cancelling", cnt(), "expired", outer.expired(), inner.expired())
        raise


async def inner_expires_then_outer():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(10) as outer:
            try:
                async with asyncio.timeout(0):
                    await asyncio.sleep(10)
            except TimeoutError:
                print("  inner TimeoutError, cancelling", cnt())
            outer.reschedule(loop.time())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  outer expiring, cancelling", cnt())
                raise
    except TimeoutError:
        print("  outer TimeoutError, cancelling", cnt())


async def outcome(label, t):
    try:
        r = await t
        print(label, "result", repr(r), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    print("-- both expire, inner first")
    await outcome("a", asyncio.create_task(both_expire("inner")))
    print("-- both expire, outer first")
    await outcome("b", asyncio.create_task(both_expire("outer")))
    print("-- a timeout entered while the outer one is expiring")
    await outcome("c", asyncio.create_task(timeout_in_cleanup()))
    print("-- the inner expires, then the outer")
    await outcome("d", asyncio.create_task(inner_expires_then_outer()))

    print("-- external cancel together with the inner expiry")
    h = []
    t = asyncio.create_task(external_between(h))
    await asyncio.sleep(0)
    h[1].reschedule(loop.time())
    t.cancel("ext")
    await outcome("e", t)

    print("-- external cancel together with the outer expiry")
    h = []
    t = asyncio.create_task(external_between(h))
    await asyncio.sleep(0)
    t.cancel("ext2")
    h[0].reschedule(loop.time())
    await outcome("f", t)

    print("-- both expire and an external cancel, all in one iteration")
    h = []
    t = asyncio.create_task(external_between(h))
    await asyncio.sleep(0)
    h[0].reschedule(loop.time())
    h[1].reschedule(loop.time())
    await asyncio.sleep(0)
    print("  after the expiries: cancelling", t.cancelling())
    t.cancel("ext3")
    await outcome("g", t)


asyncio.run(main())
