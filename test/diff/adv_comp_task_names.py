import asyncio

# Which composition functions wrap coroutines in tasks: the default task names (Task-N, a
# per-process counter) show how many tasks each one creates, and in which order.
async def who(label):
    t = asyncio.current_task()
    print(label, "runs in", t.get_name())
    await asyncio.sleep(0)
    return label

def probe(label):
    t = asyncio.create_task(asyncio.sleep(0))
    name = t.get_name()
    print(label, "next task number is", name)
    return t

async def main():
    print("main is", asyncio.current_task().get_name())
    await probe("start")

    print("-- gather of coroutines, with a duplicate and sleeps")
    c = who("g-c")
    await asyncio.gather(c, who("g-d"), c, asyncio.sleep(0, "s"))
    await probe("after gather")

    print("-- wait_for: timeout None (no task), timeout > 0 and timeout 0")
    await asyncio.wait_for(who("wf-none"), None)
    await asyncio.wait_for(who("wf-10"), 10)
    try:
        await asyncio.wait_for(who("wf-0"), 0)
    except TimeoutError:
        print("wf-0 timed out before starting")
    await probe("after wait_for")

    print("-- shield of a coroutine")
    await asyncio.shield(who("shield"))
    await probe("after shield")

    print("-- as_completed of one coroutine, lazily")
    it = asyncio.as_completed([who("ac")])
    await probe("as_completed not iterated yet")
    for aw in it:
        await aw
    await probe("after as_completed")

    print("-- timeout and TaskGroup")
    async with asyncio.timeout(1):
        await who("in-timeout")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(who("tg-1"))
        tg.create_task(who("tg-2"))
        tg.create_task(who("tg-3"))
    await probe("after tg")

    print("-- ensure_future of a task and a future: no new task")
    f = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(f) is f)
    await probe("end")
    f.cancel()

asyncio.run(main())
