import asyncio

# as_completed(): the task awaiting one of its coroutines is cancelled after the next completed
# future was already handed to that await (the queue getter got its result) but before the task
# resumed. In asyncio the future stays in as_completed's queue (Queue.get() only takes the item
# after it wakes up), so the next coroutine still returns it.


async def work(name, gate):
    await gate
    print(name, "done")
    return name


async def consumer(aws):
    for c in asyncio.as_completed(aws):
        try:
            print("consumer got", await c)
        except asyncio.CancelledError as e:
            print("consumer cancelled", repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()
    gates = [loop.create_future() for _ in range(3)]
    a = asyncio.create_task(work("a", gates[0]))
    b = asyncio.create_task(work("b", gates[1]))
    c = asyncio.create_task(work("c", gates[2]))
    t = asyncio.create_task(consumer([a, b, c]))
    await asyncio.sleep(0)
    gates[0].set_result(None)
    # a's step runs, then its done callback hands `a` to the consumer's pending get: two ticks
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("now"), "consumer woken but not resumed")
    await asyncio.sleep(0)
    gates[1].set_result(None)
    await asyncio.sleep(0)
    gates[2].set_result(None)
    await t
    print("consumer done")


asyncio.run(main())
