import asyncio

# A get()/put()/acquire() task cancelled at every point: before its first step (it never lines
# up), while waiting (with a message; cancel() twice in one iteration: the second message wins
# and cancelling() counts 2), after it was woken (the item, slot or unit goes to the next one),
# a waiter that catches CancelledError, uncancels and waits again (at the back of the line),
# one that swallows the cancellation and returns, and a getter still waiting when main returns
# (asyncio.run cancels it; its handler puts an item back).
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]

def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return type(t.exception()).__name__
    return "result " + repr(t.result())

async def spin(k):
    for _ in range(k):
        await asyncio.sleep(0)

leftover_q = asyncio.Queue()

async def leftover():
    try:
        await leftover_q.get()
    except asyncio.CancelledError as e:
        leftover_q.put_nowait("put back")
        print("leftover cancelled", e.args, str(leftover_q))
        raise

async def main():
    log = []
    def flush(tag, obj):
        print(tag, *log, "|", str(obj) if isinstance(obj, asyncio.Queue) else r(obj))
        log.clear()

    async def op(name, aw, mode="plain"):
        me = asyncio.current_task()
        while True:
            try:
                v = await aw()
                log.append((name, "got", v))
                return v
            except asyncio.CancelledError as e:
                log.append((name, "cancelled", e.args, me.cancelling()))
                if mode == "retry":
                    me.uncancel()
                    mode = "plain"
                    continue
                if mode == "swallow":
                    return "swallowed"
                raise

    for kind in ("get", "put", "acquire"):
        print("--", kind)
        if kind == "get":
            obj = asyncio.Queue()
            aw = obj.get
            feed = lambda: obj.put_nowait("item")
        elif kind == "put":
            obj = asyncio.Queue(1)
            obj.put_nowait("first")
            aw = lambda: obj.put("more")
            feed = obj.get_nowait
        else:
            obj = asyncio.Semaphore(0)
            aw = obj.acquire
            feed = obj.release
        ts = {}
        ts["before"] = asyncio.create_task(op("before", aw))
        ts["before"].cancel("never started")
        for n in ("msg", "twice", "woken", "retry", "swallow", "last"):
            ts[n] = asyncio.create_task(op(n, aw, mode=n if n in ("retry", "swallow") else "plain"))
        await spin(1)
        flush("lined up", obj)
        ts["msg"].cancel("m1")
        ts["twice"].cancel("t1")
        ts["twice"].cancel("t2")
        await spin(1)
        flush("msg and twice cancelled " + str([state(ts[n]) for n in ("before", "msg", "twice")]), obj)
        feed()
        ts["woken"].cancel("w")
        ts["retry"].cancel("r")
        flush("fed one, woken and retry cancelled", obj)
        await spin(1)
        flush("tick1", obj)
        await spin(1)
        flush("tick2", obj)
        ts["swallow"].cancel()
        feed()
        flush("swallow cancelled after a second feed", obj)
        await spin(2)
        flush("tick4", obj)
        feed()
        await spin(2)
        flush("third feed", obj)
        print("states", {n: state(t) for n, t in ts.items()})
        print("cancelling", {n: t.cancelling() for n, t in ts.items()})

    asyncio.create_task(leftover())
    await spin(1)
    print("main returns", str(leftover_q))

asyncio.run(main())
print("after run", str(leftover_q))
