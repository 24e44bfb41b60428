import asyncio

# asyncio's as_completed hands completed futures out through a Queue: a completed future stays
# queued until the awaiter that was woken for it actually resumes and takes it.
async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def consumer(name, aw):
    try:
        r = await aw
        print(name, "got", r)
        return r
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()

    print("-- 1: the woken awaiter is cancelled before it resumes")
    f1 = loop.create_future()
    f2 = loop.create_future()
    aws = list(asyncio.as_completed([f1, f2]))
    a = asyncio.create_task(consumer("A", aws[0]))
    await ticks(1)                 # A waits for the first completion
    f1.set_result("one")           # schedules as_completed's done callback
    await ticks(1)                 # the callback ran: A is woken, not yet resumed
    print("A done?", a.done())
    a.cancel()
    await ticks(1)
    print("A cancelled", a.cancelled())
    b = asyncio.create_task(consumer("B", aws[1]))
    await ticks(3)
    print("B done after 3 ticks?", b.done())
    if not b.done():
        f2.set_result("two")
    print("B result", await b)

    print("-- 2: a newcomer awaits before the woken awaiter resumes")
    f1 = loop.create_future()
    f2 = loop.create_future()
    aws = list(asyncio.as_completed([f1, f2]))
    a = asyncio.create_task(consumer("A", aws[0]))
    await ticks(1)                 # A waits
    f1.set_result("one")           # done callback scheduled for the next iteration
    c = asyncio.create_task(consumer("C", aws[1]))   # its first step runs right after that callback
    await ticks(2)
    print("A done", a.done(), "C done", c.done())
    f2.set_result("two")
    await ticks(2)
    print("A", a.result(), "C", c.result())

asyncio.run(main())
