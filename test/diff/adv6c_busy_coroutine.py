import asyncio

# One coroutine object wanted by two tasks: task A is suspended inside it (a few levels deep)
# when task B awaits it too. B gets a RuntimeError at once, at its await (asyncio says 'coroutine
# is being awaited already', aionode 'cannot reuse already awaited coroutine': printed as its
# type), unwinding B's own finally clauses, while A goes on undisturbed inside the coroutine and
# gets its result. Once the coroutine finished, or was closed by a cancellation of A, or failed,
# every further await raises 'cannot reuse already awaited coroutine'. The loop goes on.

log = []


def say(*a):
    print("   ", *a)


async def shared(tag, fut):
    say(tag, "shared starts in", asyncio.current_task().get_name())
    try:
        v = await fut
        say(tag, "shared got", repr(v), "in", asyncio.current_task().get_name())
        if v == "fail":
            raise ValueError("shared failed")
        return "S-" + v
    finally:
        say(tag, "shared finally in", asyncio.current_task().get_name())


async def level(n, c):
    try:
        if n == 0:
            return await c
        return await level(n - 1, c)
    finally:
        say(asyncio.current_task().get_name(), "level", n, "finally")


async def holder(c, depth):
    try:
        r = await level(depth, c)
        say(asyncio.current_task().get_name(), "got", repr(r))
        return r
    except RuntimeError as e:
        say(asyncio.current_task().get_name(), "RuntimeError")
        return "refused"
    except ValueError as e:
        say(asyncio.current_task().get_name(), "ValueError", repr(str(e)))
        return "failed"


async def late(c, name):
    try:
        await c
        say(name, "awaited it?")
    except RuntimeError as e:
        say(name, "->", repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()
    for outcome in ("ok", "fail", "cancel"):
        print("== outcome", outcome)
        fut = loop.create_future()
        c = shared(outcome, fut)
        a = asyncio.create_task(holder(c, 2), name="A")
        await asyncio.sleep(0)
        b = asyncio.create_task(holder(c, 1), name="B")
        await asyncio.sleep(0)
        print("B done", b.done(), "result", repr(b.result()) if b.done() else None, "A done", a.done())
        if outcome == "cancel":
            print("cancel A ->", a.cancel("stop A"))
        else:
            fut.set_result(outcome)
        try:
            print("A result", repr(await a))
        except asyncio.CancelledError as e:
            print("A cancelled", repr(str(e)))
        await late(c, "main")
        await asyncio.create_task(late(c, "C"), name="C")
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
