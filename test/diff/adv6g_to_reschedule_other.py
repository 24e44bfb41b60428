import asyncio
import time

# A Timeout driven from outside its task: another task extends it, pulls it into the past (the
# owner is cancelled at the next iteration and gets TimeoutError), or lifts it (None) while the
# owner sleeps past the old deadline; a loop callback rescheduling it several times (only the
# last deadline counts); infinite and huge deadlines (never due; repr shows them); and a deadline
# lifted from the body after its timer already fired (too late: the expiry stands).

def rel(loop, w):
    if w is None:
        return None
    return round(w - loop.time(), 1)

async def helper(cm, action, n):
    loop = asyncio.get_running_loop()
    for _ in range(n):
        await asyncio.sleep(0)
    if action == "extend":
        cm.reschedule(loop.time() + 100)
    elif action == "past":
        cm.reschedule(loop.time() - 1)
    elif action == "none":
        cm.reschedule(None)
    print("  helper did", action, "rel", rel(loop, cm.when()), cm.expired())

async def owner(label, delay, action, n, sleep_for):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print("--", label)
    h = None
    try:
        async with asyncio.timeout(delay) as cm:
            h = asyncio.create_task(helper(cm, action, n))
            await asyncio.sleep(sleep_for)
            print("  owner woke, expired", cm.expired(), "deadline", None if cm.when() is None else "far" if cm.when() > loop.time() + 50 else "near")
    except TimeoutError:
        print("  owner TimeoutError, expired", cm.expired())
    await h
    print("  cancelling", me.cancelling(), repr(cm).split(" when=")[0])

async def main():
    loop = asyncio.get_running_loop()
    await owner("another task extends the deadline", 0.1, "extend", 1, 0.3)
    await owner("another task pulls the deadline into the past", 100, "past", 1, 10)
    await owner("another task lifts the deadline", 0.1, "none", 1, 0.3)

    print("-- a callback reschedules three times")
    def triple(cm):
        cm.reschedule(loop.time() + 100)
        cm.reschedule(loop.time() - 5)
        cm.reschedule(loop.time() + 0.1)
        print("  cb done, rel", rel(loop, cm.when()))
    try:
        async with asyncio.timeout(None) as cm:
            loop.call_soon(triple, cm)
            await asyncio.sleep(0.5)
            print("  unreached")
    except TimeoutError:
        print("  TimeoutError at the last deadline, expired", cm.expired())

    print("-- infinite and huge deadlines")
    async with asyncio.timeout(float("inf")) as cm:
        print("  ", repr(cm), cm.when())
        await asyncio.sleep(0.01)
    print("  ", repr(cm), cm.expired())
    async with asyncio.timeout_at(1e300) as cm:
        print("  ", repr(cm))
        cm.reschedule(float("inf"))
        print("  ", repr(cm))
        await asyncio.sleep(0)
    print("  ", repr(cm))

    print("-- lifting the deadline after the timer fired")
    try:
        async with asyncio.timeout(0.1) as cm:
            def lift():
                print("  lifting, expired", cm.expired())
                try:
                    cm.reschedule(None)
                except RuntimeError as e:
                    print("  RuntimeError", repr(str(e)))
            loop.call_at(loop.time() + 0.2, lift)
            time.sleep(0.4)
            await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError, expired", cm.expired(), repr(cm))
    await asyncio.sleep(0)
    print("-- loop still works", await asyncio.sleep(0, "yes"), asyncio.current_task().cancelling())

asyncio.run(main())
