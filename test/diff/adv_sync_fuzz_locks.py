import asyncio

# Deterministic pseudo-random stress of Lock, Semaphore(2), BoundedSemaphore(2), Condition and
# Event: worker tasks that acquire, hold for a few iterations and release (some resist one
# cancellation), main-task releases and over-releases, Event set/clear, Condition notify(n) and
# notify_all, and cancellations of waiting, just-woken and holding tasks, interleaved with single
# loop iterations. Every outcome is logged per round with the primitive's state.
class LCG:
    def __init__(self, seed):
        self.x = seed
    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n

def state(kind, p):
    s = repr(p)
    return s[s.index("["):-1]

async def run(kind, seed):
    rnd = LCG(seed)
    p = {"Lock": asyncio.Lock, "Semaphore": lambda: asyncio.Semaphore(2),
         "BoundedSemaphore": lambda: asyncio.BoundedSemaphore(2),
         "Condition": asyncio.Condition, "Event": asyncio.Event}[kind]()
    tasks = []
    events = []
    counter = 0

    async def worker(name, hold, holdout):
        try:
            if kind == "Event":
                await p.wait()
                events.append(f"{name}:woke")
                return
            if kind == "Condition":
                async with p:
                    events.append(f"{name}:in")
                    await p.wait()
                    events.append(f"{name}:notified")
                    for _ in range(hold):
                        await asyncio.sleep(0)
                events.append(f"{name}:out")
                return
            await p.acquire()
        except asyncio.CancelledError:
            events.append(f"{name}:cancelled waiting")
            raise
        events.append(f"{name}:acquired")
        try:
            for _ in range(hold):
                try:
                    await asyncio.sleep(0)
                except asyncio.CancelledError:
                    if not holdout:
                        raise
                    holdout = False
                    asyncio.current_task().uncancel()
                    events.append(f"{name}:resisted")
        except asyncio.CancelledError:
            events.append(f"{name}:cancelled holding")
            raise
        finally:
            try:
                p.release()
                events.append(f"{name}:released")
            except (RuntimeError, ValueError) as e:
                events.append(f"{name}:release {type(e).__name__ if kind == 'Lock' else 'refused'}")

    lines = []
    for step in range(80):
        op = rnd.next(10)
        if op < 3:
            counter += 1
            tasks.append(asyncio.create_task(worker(f"w{counter}", rnd.next(3), rnd.next(3) == 0)))
        elif op == 3:
            pending = [t for t in tasks if not t.done()]
            if pending:
                i = rnd.next(len(pending))
                events.append(f"main:cancel {i}/{len(pending)}")
                pending[i].cancel()
        elif op == 4:
            if kind == "Event":
                p.set()
                events.append("main:set")
            elif kind == "Condition":
                n = rnd.next(3)
                if p.locked():
                    events.append("main:lock busy")
                else:
                    await p.acquire()
                    if n == 2:
                        p.notify_all()
                    else:
                        p.notify(n + 1)
                    p.release()
                    events.append(f"main:notify {n}")
            else:
                try:
                    p.release()
                    events.append("main:release")
                except (RuntimeError, ValueError) as e:
                    events.append(f"main:release {type(e).__name__ if kind == 'Lock' else 'refused'}")
        elif op == 5 and kind == "Event":
            p.clear()
            events.append("main:clear")
        else:
            await asyncio.sleep(0)
            lines.append(f"  [{step}] " + " ".join(events) + " | " + state(kind, p))
            events.clear()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    lines.append("  end " + " ".join(events) + " | " + state(kind, p))
    print(f"-- {kind} seed {seed}")
    for line in lines:
        print(line)

async def main():
    for kind in ("Lock", "Semaphore", "BoundedSemaphore", "Condition", "Event"):
        for seed in (5, 11):
            await run(kind, seed)

asyncio.run(main())
