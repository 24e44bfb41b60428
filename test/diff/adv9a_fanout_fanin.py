import asyncio

# Fan-out/fan-in as a service does it: (1) a gather of three shard gathers, one shard failing:
# the outer gather raises at once while every other fetch runs on (the trace shows them finish
# afterwards) and the failed inner gather's future carries the error; (2) a TaskGroup whose two
# children fail in the same tick: the siblings are cancelled (one resists and returns a value
# after a sleep(0)), create_task on the aborting group is refused, the ExceptionGroup lists both
# errors in order, the body's own error joins them when the body raises; (3) a TaskGroup inside
# a gather(return_exceptions) next to plain tasks; (4) fan-in of the first two answers with
# as_completed, then the rest cancelled and gathered; (5) the caller cancelled while its
# TaskGroup waits: the children get cancelled, the group re-raises CancelledError, cancelling()
# counts are reported, and the loop goes on.
log = []

async def fetch(name, kind, ticks):
    try:
        for _ in range(ticks):
            await asyncio.sleep(0)
        if kind == "fail":
            log.append("%s fails" % name)
            raise ValueError(name)
        if kind == "hang":
            await asyncio.sleep(30)
        log.append("%s ok" % name)
        return name.upper()
    except asyncio.CancelledError as e:
        log.append("%s cancelled %r" % (name, str(e)))
        if kind == "resist":
            await asyncio.sleep(0)
            log.append("%s resisted" % name)
            return "resisted"
        raise

def flush(tag):
    print(tag, "|", ", ".join(log))
    log.clear()

def desc(x):
    if isinstance(x, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(x).__name__, str(x), ", ".join(desc(e) for e in x.exceptions))
    if isinstance(x, BaseException):
        return "%s(%r)" % (type(x).__name__, str(x))
    return repr(x)

async def main():
    print("-- nested gathers")
    shards = [asyncio.gather(*[fetch("s%d.%d" % (s, i), "fail" if (s, i) == (1, 1) else "ok", i + s)
                               for i in range(3)])
              for s in range(3)]
    try:
        print("outer ->", await asyncio.gather(*shards))
    except ValueError as e:
        flush("outer raised %s" % desc(e))
    print("shards done", [s.done() for s in shards])
    for _ in range(4):
        await asyncio.sleep(0)
    flush("later")
    print("shards", [desc(s.exception()) if s.exception() else s.result() for s in shards])

    print("-- TaskGroup, two children fail in one tick")
    refused = []

    async def late_spawner(tg):
        try:
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            try:
                tg.create_task(fetch("late", "ok", 0))
            except RuntimeError as e:
                refused.append(type(e).__name__)
            raise

    kids = {}
    try:
        async with asyncio.TaskGroup() as tg:
            kids["x"] = tg.create_task(fetch("x", "fail", 2), name="x")
            kids["y"] = tg.create_task(fetch("y", "fail", 2), name="y")
            kids["z"] = tg.create_task(fetch("z", "hang", 0), name="z")
            kids["r"] = tg.create_task(fetch("r", "resist", 9), name="r")
            kids["s"] = tg.create_task(late_spawner(tg), name="s")
            kids["o"] = tg.create_task(fetch("o", "ok", 1), name="o")
            log.append("body waits")
        log.append("not reached")
    except* ValueError as eg:
        flush("group raised %s" % desc(eg))
    print("refused", refused)
    print("kids", [(k, "cancelled" if t.cancelled() else desc(t.exception()) if t.exception() else t.result()) for k, t in kids.items()])

    print("-- TaskGroup body raises too")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("p", "fail", 1))
            tg.create_task(fetch("q", "hang", 0))
            await asyncio.sleep(0)
            log.append("body raises")
            raise KeyError("body")
    except BaseException as eg:
        flush("group raised %s" % desc(eg))

    print("-- TaskGroup inside gather(return_exceptions)")

    async def grouped(tag, bad):
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(fetch("%s%d" % (tag, i), "fail" if i == bad else "ok", i)) for i in range(3)]
        return [t.result() for t in ts]

    res = await asyncio.gather(grouped("g", None), grouped("h", 1), fetch("solo", "ok", 2),
                               return_exceptions=True)
    flush("gathered")
    print("results", [desc(x) for x in res])

    print("-- first two answers, the rest cancelled")
    ts = [asyncio.create_task(fetch("m%d" % i, "hang" if i % 2 else "ok", 3 - i // 2)) for i in range(6)]
    got = []
    for f in asyncio.as_completed(ts):
        got.append(await f)
        if len(got) == 2:
            break
    flush("first two %r" % got)
    for t in ts:
        t.cancel("enough")
    res = await asyncio.gather(*ts, return_exceptions=True)
    flush("rest")
    print("results", [desc(x) for x in res])

    print("-- the caller cancelled while its TaskGroup waits")
    me = [None]

    async def caller():
        me[0] = asyncio.current_task()
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch("c1", "hang", 0))
                tg.create_task(fetch("c2", "resist", 5))
                log.append("caller body done")
        except asyncio.CancelledError as e:
            log.append("caller got CancelledError %r cancelling %d" % (str(e), me[0].cancelling()))
            raise

    t = asyncio.create_task(caller())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel caller ->", t.cancel("stop caller"))
    try:
        await t
    except asyncio.CancelledError as e:
        flush("caller ended cancelled %r" % str(e))
    print("alive", await asyncio.sleep(0, "yes"), "cancelling", t.cancelling())

asyncio.run(main())
