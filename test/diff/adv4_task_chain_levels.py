import asyncio
import re

# A task awaiting a task awaiting a task awaiting a future (top -> mid -> bot -> fut),
# cancelled at the top, the middle, the bottom, and at the future itself; with a message and
# without. Each level reports what it caught; reprs of the whole chain right after the
# cancel() and once it settled; cancelling() of each level. Then the same chain where the
# middle level swallows the cancellation and returns, and where it re-raises a new error.


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


async def level_body(name, aw, mode):
    try:
        r = await aw
        print(name, "got", repr(r))
        return name + "(" + str(r) + ")"
    except asyncio.CancelledError as e:
        print(name, "caught CancelledError", repr(str(e)))
        if mode == "swallow" and name == "mid":
            return "mid swallowed"
        if mode == "convert" and name == "mid":
            raise ValueError("mid converted") from None
        raise
    except ValueError as e:
        print(name, "caught ValueError", repr(str(e)))
        raise


async def level(name, aw, mode):
    return await level_body(name, aw, mode)


def state(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return "exception " + repr(t.exception())
    return "result " + repr(t.result())


async def run_chain(where, msg, mode="plain"):
    print("== cancel", where, "msg", repr(msg), "mode", mode)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    bot = asyncio.create_task(level("bot", fut, mode), name="bot")
    mid = asyncio.create_task(level("mid", bot, mode), name="mid")
    top = asyncio.create_task(level("top", mid, mode), name="top")
    await asyncio.sleep(0)
    target = {"top": top, "mid": mid, "bot": bot, "fut": fut}[where]
    print("cancel ->", target.cancel(msg) if msg is not None else target.cancel())
    show("top", top)
    for _ in range(5):
        await asyncio.sleep(0)
    for t in (bot, mid, top):
        print(" ", t.get_name(), state(t), "cancelling", t.cancelling())
    show("top settled", top)
    print(" fut", "cancelled" if fut.cancelled() else "done" if fut.done() else "pending")
    if not fut.done():
        fut.set_result("late")


async def main():
    for where in ("top", "mid", "bot", "fut"):
        await run_chain(where, "why-" + where)
    await run_chain("mid", None)
    await run_chain("top", "why", "swallow")
    await run_chain("bot", "why", "swallow")
    await run_chain("top", "why", "convert")
    await run_chain("fut", None, "convert")


asyncio.run(main())
