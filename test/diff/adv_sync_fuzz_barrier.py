import asyncio

# Deterministic pseudo-random stress of Barrier(3): parties that pass it once or twice,
# cancellations while filling, draining or blocked, reset() and abort() from helper tasks,
# interleaved with single loop iterations. Each round logs the outcomes and the barrier's state.
class LCG:
    def __init__(self, seed):
        self.x = seed
    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n

def state(b):
    s = repr(b)
    return s[s.index("["):-1] + f" n_waiting={b.n_waiting} broken={b.broken}"

async def run(seed):
    rnd = LCG(seed)
    b = asyncio.Barrier(3)
    tasks = []
    events = []
    counter = 0

    async def party(name, rounds):
        for r in range(rounds):
            try:
                i = await b.wait()
            except asyncio.CancelledError:
                events.append(f"{name}:cancelled")
                raise
            except asyncio.BrokenBarrierError as e:
                events.append(f"{name}:broken({e})")
                return
            events.append(f"{name}:passed{r}={i}")

    async def helper(what):
        await getattr(b, what)()
        events.append(f"{what} done")

    lines = []
    for step in range(70):
        op = rnd.next(12)
        if op < 4:
            counter += 1
            tasks.append(asyncio.create_task(party(f"p{counter}", 1 + rnd.next(2))))
        elif op < 6:
            pending = [t for t in tasks if not t.done()]
            if pending:
                i = rnd.next(len(pending))
                events.append(f"main:cancel {i}/{len(pending)}")
                pending[i].cancel()
        elif op == 6:
            tasks.append(asyncio.create_task(helper("reset")))
        elif op == 7 and rnd.next(3) == 0:
            tasks.append(asyncio.create_task(helper("abort")))
        else:
            await asyncio.sleep(0)
            lines.append(f"  [{step}] " + " ".join(events) + " | " + state(b))
            events.clear()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    lines.append("  end " + " ".join(events) + " | " + state(b))
    print(f"-- seed {seed}")
    for line in lines:
        print(line)

async def main():
    for seed in (2, 9, 21):
        await run(seed)

asyncio.run(main())
