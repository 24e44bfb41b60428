import asyncio

# A TaskGroup aborting while its children wait on a lock, semaphore, event, condition, barrier or
# queue (get, put, join), with a plain task outside the group in line between them: (1) the
# body wakes the first child and raises in the same step, so the child is cancelled after its
# wake-up and passes the lock, unit, item or slot on to the outsider (a condition drops the
# notification, an event's True is lost, barrier parties that tripped still get CancelledError);
# (2) a child wakes its sibling and raises: the sibling runs first (its wake-up was scheduled
# before the group's done callback), takes what it was given and is cancelled while holding it
# (its finally gives it back); (3) a helper wakes the first child and cancels the task that
# owns the group in the same step. The group's outcome, every child's and the outsider's, and
# the primitive's state per step.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def st(t):
    if not t.done():
        return "P%d" % t.cancelling()
    if t.cancelled():
        return "C"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return repr(t.result())

log = []

class Prim:
    def __init__(self, kind):
        self.kind = kind
        self.n = 0
        if kind == "lock":
            self.p = asyncio.Lock()
        elif kind == "sem":
            self.p = asyncio.Semaphore(0)
        elif kind == "event":
            self.p = asyncio.Event()
        elif kind == "cond":
            self.p = asyncio.Condition()
        elif kind == "barrier":
            self.p = asyncio.Barrier(4)
        elif kind in ("get", "join"):
            self.p = asyncio.Queue()
        elif kind == "put":
            self.p = asyncio.Queue(1)

    def state(self):
        if self.kind in ("get", "put", "join"):
            return str(self.p)
        return r(self.p)

    async def setup(self):
        if self.kind == "lock":
            await self.p.acquire()
        elif self.kind == "put":
            self.p.put_nowait("full")
        elif self.kind == "join":
            self.p.put_nowait("job")
            self.p.get_nowait()

    async def use(self, name):
        # wait on the primitive, then hold what was obtained for two steps
        p = self.p
        k = self.kind
        if k in ("lock", "sem"):
            await p.acquire()
            log.append((name, "acquired"))
            try:
                await asyncio.sleep(0)
                await asyncio.sleep(0)
            finally:
                p.release()
                log.append((name, "released"))
            return name
        if k == "event":
            return (name, await p.wait())
        if k == "cond":
            async with p:
                v = await p.wait()
                log.append((name, "notified", v))
                await asyncio.sleep(0)
                log.append((name, "leaving"))
            return name
        if k == "barrier":
            return (name, await p.wait())
        if k == "get":
            v = await p.get()
            log.append((name, "got", v))
            return v
        if k == "put":
            self.n += 1
            item = "%s-item" % name
            await p.put(item)
            log.append((name, "put", item))
            return item
        if k == "join":
            await p.join()
            return (name, "joined")

    async def wake(self):
        p = self.p
        k = self.kind
        log.append(("wake", k))
        if k in ("lock", "sem"):
            p.release()
        elif k == "event":
            p.set()
        elif k == "cond":
            await p.acquire()  # free: does not suspend
            p.notify(2)
            p.release()
        elif k == "barrier":
            log.append(("waker index", await p.wait()))
        elif k == "get":
            p.put_nowait("x1")
        elif k == "put":
            log.append(("waker took", p.get_nowait()))
        elif k == "join":
            p.task_done()

async def child(prim, name):
    try:
        return await prim.use(name)
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise

async def owner(prim, mode, kids):
    try:
        async with asyncio.TaskGroup() as tg:
            kids.append(tg.create_task(child(prim, "c1"), name="c1"))
            await asyncio.sleep(0)
            kids.append(asyncio.create_task(child(prim, "W"), name="W"))
            await asyncio.sleep(0)
            kids.append(tg.create_task(child(prim, "c2"), name="c2"))
            await asyncio.sleep(0)
            log.append(("owner ready", prim.state()))
            if mode == "body":
                await prim.wake()
                raise ValueError("body")
            if mode == "child":
                async def failer():
                    await prim.wake()
                    raise KeyError("child")
                kids.append(tg.create_task(failer(), name="f"))
            await asyncio.sleep(10)
    except BaseException as e:
        if isinstance(e, asyncio.CancelledError):
            what = e.args
        else:
            what = [repr(x) for x in e.exceptions]
        log.append(("owner raised", type(e).__name__, what, asyncio.current_task().cancelling()))
        raise
    return "owner done"

async def helper(prim, victim):
    await prim.wake()
    log.append(("helper cancels owner", victim.cancel("stop")))

async def scenario(kind, mode):
    log.clear()
    prim = Prim(kind)
    await prim.setup()
    kids = []
    own = asyncio.create_task(owner(prim, mode, kids), name="owner")
    for _ in range(4):
        await asyncio.sleep(0)
    print("  ", *log)
    log.clear()
    if mode == "cancel":
        asyncio.create_task(helper(prim, own))
    for i in range(8):
        await asyncio.sleep(0)
        print("   step%d" % i, *log, "|", prim.state(), st(own), *["%s=%s" % (t.get_name(), st(t)) for t in kids])
        log.clear()
    # whoever still waits is cancelled
    for t in kids:
        if not t.done():
            t.cancel()
    await asyncio.gather(own, *kids, return_exceptions=True)
    print("   end", *log, "|", prim.state(), st(own), *["%s=%s" % (t.get_name(), st(t)) for t in kids])

async def main():
    for mode in ("body", "child", "cancel"):
        for kind in ("lock", "sem", "event", "cond", "barrier", "get", "put", "join"):
            print("--", mode, kind)
            await scenario(kind, mode)

asyncio.run(main())
