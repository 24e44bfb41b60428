import asyncio

# CPython test_queues.py _QueueJoinTestMixin test_task_done, for Queue, LifoQueue and
# PriorityQueue: two workers drain 100 items (get() on a non-empty queue does not suspend, so
# who takes what is deterministic), join() returns once every item is marked done, then the
# workers are let go with one item each; a join() task waiting for two more items.


async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        print("== test_task_done", cls.__name__)
        q = cls()
        for i in range(100):
            q.put_nowait(i)
        accumulator = 0
        running = True
        taken = {0: [], 1: []}
        log = []

        async def worker(w):
            nonlocal accumulator
            while running:
                item = await q.get()
                accumulator += item
                taken[w].append(item)
                q.task_done()
            log.append(("worker %d exits" % w, q.qsize()))

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(worker(w)) for w in range(2)]
            log.append(("join", str(q)[:40]))
            await q.join()
            log.append(("joined", accumulator == sum(range(100)), str(q)))
            running = False
            for i in range(len(tasks)):
                q.put_nowait(0)
            log.append(("released", str(q)))
        for x in log:
            print(" ", *x)
        for w in (0, 1):
            print("  worker", w, len(taken[w]), taken[w][:5], taken[w][-3:])
        print(" ", accumulator, str(q))
        await q.join()
        print("  join again", str(q))
        q.put_nowait(7)
        q.put_nowait(8)
        j = asyncio.create_task(q.join())
        await asyncio.sleep(0)
        print("  join waits", j.done(), str(q))
        q.get_nowait()
        q.task_done()
        await asyncio.sleep(0)
        print("  one done", j.done(), str(q))
        q.get_nowait()
        q.task_done()
        print("  two done", j.done(), str(q))
        await asyncio.sleep(0)
        print("  tick", j.done(), j.result(), str(q))

asyncio.run(main())
