import asyncio
import time

def block(s):
    time.sleep(s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

def show(label, cm):
    print(" ", label, "expired", cm.expired(), "when None", cm.when() is None, repr(cm).split(" when=")[0])

def try_reschedule(label, cm, when):
    try:
        cm.reschedule(when)
        print(" ", label, "reschedule ok")
    except RuntimeError as e:
        print(" ", label, "RuntimeError", repr(str(e)))

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()

    print("-- reschedule from a callback of the iteration the timer fires (after it)")
    try:
        async with asyncio.timeout(0.01) as cm:
            now = loop.time()
            loop.call_at(cm.when() + 0.02, lambda: (show("cb", cm), try_reschedule("cb", cm, None)))
            block(0.05)
            await asyncio.sleep(1)
    except TimeoutError:
        show("after", cm)
    print("  cancelling", me.cancelling())

    print("-- reschedule(None) from an earlier timer of the same iteration")
    async with asyncio.timeout(0.02) as cm:
        loop.call_at(cm.when() - 0.015, lambda: (show("cb", cm), try_reschedule("cb", cm, None)))
        block(0.05)
        await ticks(3)
        show("body", cm)
    show("after", cm)

    print("-- reschedule into the past from a callback while the body sleeps")
    try:
        async with asyncio.timeout(10) as cm:
            loop.call_soon(lambda: (try_reschedule("cb", cm, loop.time() - 1), show("cb", cm)))
            loop.call_soon(lambda: loop.call_soon(print, "  soon-soon"))
            await asyncio.sleep(1)
    except TimeoutError:
        show("after", cm)

    print("-- reschedule later from a callback in the iteration before expiry")
    async with asyncio.timeout(0.02) as cm:
        loop.call_at(cm.when() - 0.01, lambda: try_reschedule("cb", cm, loop.time() + 0.5))
        await asyncio.sleep(0.05)
        show("body", cm)
    show("after", cm)

    print("-- external cancel and expiry in the same iteration, both orders")
    for order in ("cancel first", "expiry first"):
        async def victim():
            async with asyncio.timeout(0.02) as cm:
                try:
                    await asyncio.sleep(1)
                except asyncio.CancelledError as e:
                    print("  body", order, "CancelledError", repr(str(e)), "cancelling", asyncio.current_task().cancelling())
                    raise
        t = asyncio.create_task(victim())
        await ticks(1)
        now = loop.time()
        loop.call_at(now + (0.005 if order == "cancel first" else 0.04), lambda: print("  cancel ->", t.cancel("ext")))
        block(0.06)
        try:
            await t
            print("  victim returned?")
        except asyncio.CancelledError as e:
            print("  victim CancelledError", repr(str(e)), "cancelling", t.cancelling())
        except TimeoutError:
            print("  victim TimeoutError")

    print("-- body catches the timeout's CancelledError and keeps going")
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            show("caught", cm)
            print("  cancelling", me.cancelling())
        await asyncio.sleep(0.02)
        print("  slept on, cancelling", me.cancelling())
        try:
            async with asyncio.timeout(0.01) as cm2:
                await asyncio.sleep(1)
        except TimeoutError:
            show("inner after", cm2)
            print("  cancelling", me.cancelling())
        await ticks(1)
    show("outer after", cm)
    print("  cancelling", me.cancelling())

    print("-- nested timeouts and a cancel, all due in one iteration")
    for first in ("outer", "inner"):
        try:
            async with asyncio.timeout(None) as outer:
                try:
                    async with asyncio.timeout(None) as inner:
                        now = loop.time()
                        if first == "outer":
                            outer.reschedule(now + 0.005)
                            inner.reschedule(now + 0.010)
                        else:
                            inner.reschedule(now + 0.005)
                            outer.reschedule(now + 0.010)
                        loop.call_at(now + 0.015, lambda: print("  cancelling after both", me.cancelling()))
                        block(0.03)
                        await asyncio.sleep(1)
                except TimeoutError:
                    print(" ", first, "inner -> TimeoutError, cancelling", me.cancelling())
                except asyncio.CancelledError:
                    print(" ", first, "inner -> CancelledError, cancelling", me.cancelling())
                    raise
                print(" ", first, "after inner")
        except TimeoutError:
            print(" ", first, "outer -> TimeoutError, cancelling", me.cancelling())
        show("outer", outer)
        show("inner", inner)

    print("-- timeout expires while the body awaits a task that finishes in the same iteration")
    async def quick():
        await asyncio.sleep(0.005)
        print("  quick done")
        return "q"
    try:
        async with asyncio.timeout(0.01) as cm:
            qt = asyncio.create_task(quick())
            await ticks(1)
            block(0.03)
            r = await qt
            print("  body got", r)
            await ticks(1)
            print("  body not interrupted?")
    except TimeoutError:
        print("  TimeoutError", "qt cancelled", qt.cancelled())
    show("after", cm)

    print("-- timeout_at(past) and the body never awaits a future")
    async with asyncio.timeout_at(loop.time() - 1) as cm:
        show("body", cm)
    show("after", cm)
    await ticks(2)
    print("  cancelling", me.cancelling())

    print("-- timeout(0): cancelled at the first suspension, even sleep(0)")
    try:
        async with asyncio.timeout(0) as cm:
            print("  before sleep(0)")
            await asyncio.sleep(0)
            print("  after sleep(0)")
            await asyncio.sleep(0)
            print("  after second sleep(0)")
    except TimeoutError:
        show("after", cm)

asyncio.run(main())
