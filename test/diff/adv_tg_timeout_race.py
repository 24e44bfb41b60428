import asyncio

# A timeout around a TaskGroup expires (reschedule() into the past from a child: the expiry is
# a call_soon, so its place among the group's callbacks is exact) around the moment a child
# fails. Sweeping the expiry tick across the failure shows how the two cancellation requests,
# the group's uncancel() and the timeout's uncancel() combine.

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def failer(n):
    await ticks(n)
    raise ValueError("child failed")

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await ticks(1)
        raise

async def trigger(cm, n, loop):
    await ticks(n)
    try:
        cm.reschedule(loop.time() - 1)
        return "rescheduled"
    except RuntimeError as e:
        return "RuntimeError " + str(e)

def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"

async def case(label, n, body_ticks, fail_at=2):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    cm = None
    trig = None
    try:
        async with asyncio.timeout(None) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(failer(fail_at))
                tg.create_task(sleeper())
                trig = tg.create_task(trigger(cm, n, loop))
                await ticks(body_ticks)
        print(label, n, "no error")
    except BaseException as e:
        print(label, n, "raised", fmt(e))
    t = "cancelled" if trig.cancelled() else trig.result()
    print("   expired", cm.expired(), repr(cm), "cancelling", me.cancelling(), "trigger", t)

async def run(label, n, body_ticks, fail_at=2):
    await asyncio.create_task(case(label, n, body_ticks, fail_at))

async def main():
    print("-- the body has finished: the group waits on exit")
    for n in range(5):
        await run("exit", n, 0)
    print("-- the body is still running")
    for n in range(5):
        await run("body", n, 6)
    print("-- the child fails at once")
    for n in range(3):
        await run("first-step", n, 0, 0)

asyncio.run(main())
