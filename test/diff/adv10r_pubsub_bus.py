import asyncio

# A pub/sub bus with a bounded queue per subscriber and a policy for full queues: drop the oldest
# message, drop the new one, or block the publisher (under wait_for(0.2): a subscriber stuck for
# longer is evicted). Subscribers are tasks reading their queue; handlers take a few sleep(0)
# ticks, one raises (the bus notices through a done callback and unsubscribes it), one gets stuck
# on an Event. Unsubscribe mid-stream either gracefully (a None sentinel: the subscriber drains
# what is queued first; when the queue is full the sentinel cannot go in and the bus cancels the
# task instead) or at once (cancel, the handler's finally runs). A wildcard subscriber sees every
# topic. Traced: every delivery in order, drops, publish() counts, the bus's state after each
# phase, flush() (join on every live queue under wait()), and the final teardown.
log = []

def flush(tag):
    print(tag, "|", "; ".join(log))
    log.clear()

class Sub:
    def __init__(self, name, topics, maxsize, policy, handler):
        self.name = name
        self.topics = topics
        self.q = asyncio.Queue(maxsize)
        self.policy = policy
        self.handler = handler
        self.dropped = []
        self.got = []
        self.task = None

class Bus:
    def __init__(self):
        self.subs = {}
        self.evicted = []

    def subscribe(self, name, topics, maxsize=2, policy="drop_oldest", handler=None):
        sub = Sub(name, topics, maxsize, policy, handler)
        sub.task = asyncio.create_task(self._run(sub), name="sub-" + name)
        sub.task.add_done_callback(lambda t, sub=sub: self._ended(sub, t))
        self.subs[name] = sub
        return sub

    async def _run(self, sub):
        while True:
            msg = await sub.q.get()
            try:
                if msg is None:
                    log.append("%s got the sentinel" % sub.name)
                    return len(sub.got)
                if sub.handler is not None:
                    await sub.handler(sub, msg)
                sub.got.append(msg)
                log.append("%s <- %s" % (sub.name, msg))
            finally:
                sub.q.task_done()

    def _ended(self, sub, t):
        if self.subs.get(sub.name) is sub:
            del self.subs[sub.name]
        if t.cancelled():
            log.append("%s ended cancelled" % sub.name)
        elif t.exception() is not None:
            self.evicted.append(sub.name)
            log.append("%s died: %r" % (sub.name, t.exception()))
        else:
            log.append("%s ended with %r" % (sub.name, t.result()))

    def unsubscribe(self, name, now=False):
        sub = self.subs.pop(name, None)
        if sub is None:
            raise KeyError(name)
        if now:
            return "cancel %s" % sub.task.cancel("unsubscribed %s" % name)
        try:
            sub.q.put_nowait(None)
            return "sentinel"
        except asyncio.QueueFull:
            sub.task.cancel("queue full, %s cut off" % name)
            return "full, cancelled"

    async def publish(self, topic, msg):
        n = 0
        for sub in list(self.subs.values()):
            if topic not in sub.topics and "*" not in sub.topics:
                continue
            if sub.q.full():
                if sub.policy == "drop_oldest":
                    old = sub.q.get_nowait()
                    sub.q.task_done()
                    sub.dropped.append(old)
                    log.append("%s drops %s" % (sub.name, old))
                elif sub.policy == "drop_new":
                    sub.dropped.append(msg)
                    log.append("%s refuses %s" % (sub.name, msg))
                    continue
                else:
                    log.append("publisher blocks on %s" % sub.name)
                    try:
                        await asyncio.wait_for(sub.q.put(msg), 0.2)
                    except asyncio.TimeoutError:
                        log.append("%s evicted: stuck" % sub.name)
                        self.evicted.append(sub.name)
                        self.subs.pop(sub.name, None)
                        sub.task.cancel("stuck")
                        continue
                    n += 1
                    continue
            sub.q.put_nowait(msg)
            n += 1
        return n

    def state(self):
        return ["%s:%d/%d" % (s.name, s.q.qsize(), s.q.maxsize) for s in self.subs.values()]

async def main():
    bus = Bus()
    stuck = asyncio.Event()

    async def slow(sub, msg):
        for _ in range(3):
            await asyncio.sleep(0)

    async def picky(sub, msg):
        await asyncio.sleep(0)
        if msg == "t:3":
            raise ValueError("picky cannot handle %s" % msg)

    async def careful(sub, msg):
        try:
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        finally:
            log.append("careful finally for %s" % msg)

    async def stuck_handler(sub, msg):
        if msg == "s:2":
            log.append("stuck waits on an event")
            await stuck.wait()

    print("-- subscribers")
    bus.subscribe("fast", {"t"})
    bus.subscribe("slow", {"t"}, 2, "drop_oldest", slow)
    bus.subscribe("tail", {"t"}, 1, "drop_new", slow)
    bus.subscribe("picky", {"t"}, 5, "drop_new", picky)
    bus.subscribe("all", {"*"}, 3, "block", slow)
    print("state", bus.state())

    print("-- a burst of five on t, then three on u")
    counts = []
    for i in range(1, 6):
        counts.append(await bus.publish("t", "t:%d" % i))
    flush("burst")
    for i in range(1, 4):
        counts.append(await bus.publish("u", "u:%d" % i))
    flush("u")
    print("publish counts", counts, "state", bus.state())
    for _ in range(12):
        await asyncio.sleep(0)
    flush("settled")
    for s in ("fast", "slow", "tail", "all"):
        sub = bus.subs[s]
        print(s, "got", sub.got, "dropped", sub.dropped)
    print("evicted", bus.evicted, "state", bus.state())
    print("publish to nobody ->", await bus.publish("nobody", "x"))

    print("-- unsubscribe mid-stream: a sentinel, a full queue, a cancel inside a handler")
    bus.subscribe("careful", {"v"}, 4, "drop_new", careful)
    bus.subscribe("full", {"v", "w"}, 1, "drop_new", slow)
    for i in range(1, 4):
        await bus.publish("v", "v:%d" % i)
    await asyncio.sleep(0)
    print("publish w:1 ->", await bus.publish("w", "w:1"), "state", bus.state())
    flush("published v")
    print("unsubscribe fast ->", bus.unsubscribe("fast"))
    print("unsubscribe full ->", bus.unsubscribe("full"))
    print("unsubscribe careful now ->", bus.unsubscribe("careful", now=True))
    try:
        bus.unsubscribe("careful")
    except KeyError as e:
        print("unsubscribe careful again ->", repr(e))
    print("publish v after ->", await bus.publish("v", "v:4"))
    for _ in range(6):
        await asyncio.sleep(0)
    flush("unsubscribed")
    print("state", bus.state())

    print("-- a stuck subscriber with the block policy is evicted after 0.2 s")
    bus.subscribe("stuck", {"s"}, 1, "block", stuck_handler)
    for i in range(1, 5):
        n = await bus.publish("s", "s:%d" % i)
        log.append("publish s:%d -> %d" % (i, n))
        await asyncio.sleep(0)
    flush("stuck")
    print("evicted", bus.evicted, "state", bus.state())

    print("-- flush: join every live queue, 0.5 s at most")
    for i in range(6, 9):
        await bus.publish("t", "t:%d" % i)
    joins = {asyncio.ensure_future(s.q.join()): s.name for s in bus.subs.values()}
    done, pending = await asyncio.wait(joins, timeout=0.5)
    flush("flushed")
    print("joined", sorted(joins[f] for f in done), "pending", sorted(joins[f] for f in pending))

    print("-- teardown: sentinels for all")
    names = list(bus.subs)
    tasks = [bus.subs[n].task for n in names]
    print("unsubscribe", [(n, bus.unsubscribe(n)) for n in names])
    res = await asyncio.gather(*tasks, return_exceptions=True)
    await asyncio.sleep(0)
    flush("teardown")
    print("results", res, "subs left", bus.subs, "evicted", bus.evicted)
    print("loop still fine:", await asyncio.sleep(0, "yes"))

asyncio.run(main())
