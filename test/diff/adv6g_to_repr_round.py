import asyncio

# A Timeout's repr rounds its deadline as round(when, 3) does (half to even on the exact binary
# value): negative zero, halves that are not exact, huge and tiny deadlines, from timeout_at() and
# from reschedule(); a body that never suspends under a past deadline does not expire.

W = [-0.0001, -0.0005, 2.0005, 1e16, 123456789.0125, 0.1 + 0.2, 5e-324, -1e-10, 1.0005, 2.675,
     1e22, -2.5e-4, 0.0625, 1234.5675, 9.9995, -9.9995, 0.0005, 0.0015, 0.0025, 4.0e-3]

async def main():
    print("-- timeout_at(w)")
    for w in W:
        async with asyncio.timeout_at(w) as cm:
            print("  %r -> %r" % (w, cm))
        print("  after:", repr(cm), cm.expired())
    print("-- reschedule(w)")
    async with asyncio.timeout(None) as cm:
        for w in W:
            cm.reschedule(w)
            r = repr(cm)
            cm.reschedule(None)
            print("  %r -> %s -> %r" % (w, r, cm))
    print("  after:", repr(cm), cm.expired())
    print("-- loop still works", await asyncio.sleep(0, "yes"), asyncio.current_task().cancelling())

asyncio.run(main())
