import asyncio

# Deterministic pseudo-random stress of Queue / LifoQueue / PriorityQueue with maxsize 1-2:
# getter and putter tasks, put_nowait/get_nowait from the main task, cancellations of waiting
# and of just-woken tasks, all interleaved with single loop iterations. Every outcome is logged
# per round; the queue's contents and the unfinished count must agree at each step.
class LCG:
    def __init__(self, seed):
        self.x = seed
    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n

async def run(kind, maxsize, seed):
    rnd = LCG(seed)
    q = {"Queue": asyncio.Queue, "LifoQueue": asyncio.LifoQueue, "PriorityQueue": asyncio.PriorityQueue}[kind](maxsize)
    tasks = []
    events = []
    counter = 0

    async def getter(name):
        try:
            v = await q.get()
        except asyncio.CancelledError:
            events.append(f"{name}:cancelled")
            raise
        events.append(f"{name}:got {v}")

    async def putter(name, v):
        try:
            await q.put(v)
        except asyncio.CancelledError:
            events.append(f"{name}:cancelled")
            raise
        events.append(f"{name}:put {v}")

    lines = []
    for step in range(60):
        op = rnd.next(10)
        if op < 2:
            counter += 1
            tasks.append(asyncio.create_task(getter(f"g{counter}")))
        elif op < 4:
            counter += 1
            tasks.append(asyncio.create_task(putter(f"p{counter}", rnd.next(50))))
        elif op == 4:
            v = rnd.next(50)
            try:
                q.put_nowait(v)
                events.append(f"main:put_nowait {v}")
            except asyncio.QueueFull:
                events.append("main:QueueFull")
        elif op == 5:
            try:
                events.append(f"main:get_nowait {q.get_nowait()}")
            except asyncio.QueueEmpty:
                events.append("main:QueueEmpty")
        elif op == 6:
            pending = [t for t in tasks if not t.done()]
            if pending:
                t = pending[rnd.next(len(pending))]
                events.append(f"main:cancel {pending.index(t)}/{len(pending)}")
                t.cancel()
        elif op == 7:
            try:
                q.task_done()
                events.append("main:task_done")
            except ValueError:
                events.append("main:task_done ValueError")
        else:
            await asyncio.sleep(0)
            lines.append(f"  [{step}] " + " ".join(events) + f" | size={q.qsize()} full={q.full()} empty={q.empty()}")
            events.clear()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    lines.append("  end " + " ".join(events) + f" | size={q.qsize()}")
    rest = []
    while not q.empty():
        rest.append(q.get_nowait())
    lines.append(f"  rest {rest}")
    print(f"-- {kind}({maxsize}) seed {seed}")
    for line in lines:
        print(line)

async def main():
    for kind in ("Queue", "LifoQueue", "PriorityQueue"):
        for maxsize, seed in ((1, 1), (2, 7), (0, 3)):
            await run(kind, maxsize, seed)

asyncio.run(main())
