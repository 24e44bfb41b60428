import asyncio

# A TaskGroup whose children fail at every phase: while the body still awaits, after the body
# ended (the group waiting in its exit), two in one iteration (the errors' order), one failing
# again while being cancelled, a holdout that fails only after its cancellation, and the body
# raising as well (its error last in the group). The parent's cancelling() count and the group's
# repr are printed after each, and the loop keeps working. Children cancelled together report only
# after steps of different counts (asyncio keeps a group's tasks in a set: no defined order).

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

async def fail(n, msg, cls=ValueError):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  raising", msg)
    raise cls(msg)

async def ok(n, v):
    for _ in range(n):
        await asyncio.sleep(0)
    print("  ok", v)
    return v

async def refail(msg, n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        for _ in range(n):
            await asyncio.sleep(0)
        print("  refail raising", msg)
        raise KeyError(msg)

async def holdout(n, msg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  holdout cancelled", repr(e.args))
        for _ in range(n):
            await asyncio.sleep(0)
        print("  holdout raising", msg)
        raise TypeError(msg)

async def quiet():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "quiet"

async def run(label, body):
    print("--", label)
    me = asyncio.current_task()
    holder = {}
    try:
        r = await body(holder)
        print("  returned", r)
    except BaseExceptionGroup as eg:
        print("  group", desc(eg))
    except BaseException as e:
        print("  raised", desc(e))
    tg = holder.get("tg")
    print("  after: cancelling", me.cancelling(), "tg", repr(tg))
    for name, t in sorted(holder.get("tasks", {}).items()):
        print("  task", name, "cancelled" if t.cancelled() else desc(t.exception()) if t.exception() else "result=%r" % t.result())
    print("  sleep", await asyncio.sleep(0, "fine"))

async def b_while_body_awaits(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"f": tg.create_task(fail(2, "early")), "o": tg.create_task(ok(5, "late-ok"))}
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("  body cancelled", repr(e.args), "cancelling", asyncio.current_task().cancelling(), repr(tg))
            raise
    return "unreached"

async def b_after_body(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"f": tg.create_task(fail(3, "in-exit")), "o": tg.create_task(ok(1, "quick")),
                      "q": tg.create_task(quiet())}
        print("  body ends", repr(tg))
    return "unreached"

async def b_two_same_iter(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"a": tg.create_task(fail(1, "first", ValueError)),
                      "b": tg.create_task(fail(1, "second", KeyError)),
                      "c": tg.create_task(fail(2, "third"))}
        await asyncio.sleep(0)
        print("  body after one step", repr(tg))
    return "unreached"

async def b_refail(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"r1": tg.create_task(refail("r1", 2)), "f": tg.create_task(fail(1, "trigger")),
                      "r2": tg.create_task(refail("r2", 1))}
    return "unreached"

async def b_holdout(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"h": tg.create_task(holdout(3, "late-fail")), "f": tg.create_task(fail(1, "trigger")),
                      "q": tg.create_task(quiet())}
        await asyncio.sleep(10)
    return "unreached"

async def b_body_raises(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"f": tg.create_task(fail(1, "child")), "h": tg.create_task(holdout(1, "hold"))}
        await asyncio.sleep(0)
        print("  body raising", repr(tg))
        raise RuntimeError("body")
    return "unreached"

async def b_body_raises_first(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"q": tg.create_task(quiet()), "h": tg.create_task(holdout(2, "hold"))}
        raise ZeroDivisionError("at once")

async def b_body_raises_alone(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"q": tg.create_task(quiet())}
        await asyncio.sleep(0)
        raise ZeroDivisionError("alone")

async def b_body_returns_child_fails_late(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"o": tg.create_task(ok(1, "a")), "f": tg.create_task(fail(4, "last"))}
    return "unreached"

async def b_all_ok(h):
    async with asyncio.TaskGroup() as tg:
        h["tg"] = tg
        h["tasks"] = {"a": tg.create_task(ok(2, "a")), "b": tg.create_task(ok(1, "b"))}
        print("  body", repr(tg))
    return "body-result"

async def main():
    for label, b in [("child fails while the body awaits", b_while_body_awaits),
                     ("child fails after the body ended", b_after_body),
                     ("children fail in one iteration", b_two_same_iter),
                     ("children fail again when cancelled", b_refail),
                     ("holdout fails after its cancellation", b_holdout),
                     ("body raises after a child failed", b_body_raises),
                     ("body raises before any child ran", b_body_raises_first),
                     ("body raises, no child fails", b_body_raises_alone),
                     ("child fails last, body returned", b_body_returns_child_fails_late),
                     ("all succeed", b_all_ok)]:
        await run(label, b)

asyncio.run(main())
