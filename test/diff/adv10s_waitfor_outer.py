import asyncio

# asyncio.wait_for() around every waiting operation of asyncio.locks and asyncio.queues, with
# the OUTER task cancelled at each point relative to the wake-up, deterministically (wake-up and
# cancel() in one step of main, in both orders, or steps apart): lock.acquire(), sem.acquire(),
# event.wait(), cond.wait() (in `async with cond`), barrier.wait(), q.get(), q.put() and
# q.join(). 3.11's wait_for returns the inner result when the inner task finished by the time
# the outer task handles its cancellation (the outer then holds the lock/unit/item with
# cancelling() == 1 and goes on); when the cancel comes first the inner task is cancelled after
# it was woken and hands the wake-up on (lock, semaphore, queue) or drops it (condition). A
# second waiter in line shows where each wake-up went; the primitive's state at every step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if t is None:
        return "-"
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return repr(t.result())

log = []

async def outer(name, op, post):
    try:
        v = await asyncio.wait_for(op(), 10)
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args, asyncio.current_task().cancelling()))
        raise
    log.append((name, "got", v, asyncio.current_task().cancelling()))
    post()
    await asyncio.sleep(0)
    log.append((name, "after sleep", asyncio.current_task().cancelling()))
    return "done"

async def plain(name, op, post):
    try:
        v = await op()
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    log.append((name, "got", v))
    post()
    return "ok"

class Kind:
    def __init__(self, name):
        self.name = name
        self.second = True
        if name == "lock":
            p = self.p = asyncio.Lock()
            self.op = p.acquire
            self.post = p.release
            self.wake = p.release
            self.state = lambda: r(p)
        elif name == "sem":
            p = self.p = asyncio.Semaphore(0)
            self.op = p.acquire
            self.post = p.release
            self.wake = p.release
            self.state = lambda: r(p)
        elif name == "event":
            p = self.p = asyncio.Event()
            self.op = p.wait
            self.post = lambda: None
            self.wake = p.set
            self.state = lambda: r(p)
        elif name == "cond":
            p = self.p = asyncio.Condition()
            async def cw():
                async with p:
                    return await p.wait()
            self.op = cw
            self.post = lambda: None
            self.wake = None
            self.state = lambda: r(p)
        elif name == "barrier":
            p = self.p = asyncio.Barrier(2)
            self.op = p.wait
            self.post = lambda: None
            self.wake = None
            self.second = False
            self.state = lambda: r(p)
        elif name == "get":
            p = self.p = asyncio.Queue()
            self.op = p.get
            self.post = lambda: None
            self.n = 0
            def wake():
                self.n += 1
                p.put_nowait("item%d" % self.n)
            self.wake = wake
            self.state = lambda: str(p)
        elif name == "put":
            p = self.p = asyncio.Queue(1)
            p.put_nowait("old")
            self.n = 0
            def op():
                self.n += 1
                return p.put("new%d" % self.n)
            self.op = op
            self.post = lambda: None
            self.wake = lambda: log.append(("main got", p.get_nowait()))
            self.state = lambda: str(p)
        elif name == "join":
            p = self.p = asyncio.Queue()
            p.put_nowait("job")
            p.get_nowait()
            self.op = p.join
            self.post = lambda: None
            self.wake = p.task_done
            self.second = False
            self.state = lambda: str(p)

    async def do_wake(self):
        log.append(("wake",))
        if self.name == "cond":
            # the lock is free here: acquire() does not suspend
            await self.p.acquire()
            self.p.notify()
            self.p.release()
        elif self.name == "barrier":
            log.append(("main index", await self.p.wait()))
        else:
            self.wake()

async def scenario(kind, mode):
    log.clear()
    k = Kind(kind)
    if kind == "lock":
        await k.p.acquire()
    t = asyncio.create_task(outer("T", k.op, k.post))
    await asyncio.sleep(0)
    w2 = asyncio.create_task(plain("W2", k.op, k.post)) if k.second else None
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    def show(tag):
        print("   ", tag, *log, "|", k.state(), st(t), st(w2))
        log.clear()

    show("start")
    if mode == "wake+cancel":
        await k.do_wake()
        log.append(("cancel", t.cancel("m")))
    elif mode == "cancel+wake":
        log.append(("cancel", t.cancel("m")))
        await k.do_wake()
    elif mode == "cancel-only":
        log.append(("cancel", t.cancel("m")))
    elif mode == "wake,1,cancel":
        await k.do_wake()
        show("woke")
        await asyncio.sleep(0)
        log.append(("cancel", t.cancel("m")))
    elif mode == "wake,2,cancel":
        await k.do_wake()
        show("woke")
        await asyncio.sleep(0)
        show("step")
        await asyncio.sleep(0)
        log.append(("cancel", t.cancel("m")))
    elif mode == "cancel+wake+cancel":
        log.append(("cancel", t.cancel("a")))
        await k.do_wake()
        log.append(("cancel", t.cancel("b")))
    show("acted")
    for i in range(5):
        await asyncio.sleep(0)
        show("step%d" % i)
    # wake whoever is left once more, then clean up
    if w2 is not None and not w2.done():
        await k.do_wake()
        for i in range(3):
            await asyncio.sleep(0)
        show("woke again")
    for x in (t, w2):
        if x is not None and not x.done():
            x.cancel()
    await asyncio.gather(*[x for x in (t, w2) if x is not None], return_exceptions=True)
    show("end")

async def main():
    for kind in ("lock", "sem", "event", "cond", "barrier", "get", "put", "join"):
        for mode in ("wake+cancel", "cancel+wake", "cancel-only", "wake,1,cancel", "wake,2,cancel", "cancel+wake+cancel"):
            print("--", kind, mode)
            await scenario(kind, mode)

asyncio.run(main())
