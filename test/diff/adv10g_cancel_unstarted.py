import asyncio

# Tasks cancelled before their first step, on raw generator objects (which asyncio 3.11's tasks
# take) in every state a generator can be handed over in. A fresh generator: the CancelledError
# is thrown in before its body starts, so nothing runs (no finally: the try was never entered),
# and the generator is finished: a later send(None) stops at once (StopIteration, value None).
# One advanced by hand to a bare yield inside its try: the CancelledError lands there, in the
# task's first step, where the generator catches it and yields again or returns (the task then
# ends with a result, cancelling() still 1), or lets it through its finally. One advanced by hand
# into a `yield from` of a pending future: the error lands at that await (the future, marked by
# the hand-run, stays pending: a direct await of it raises "await wasn't used with future"). One
# run to its end by hand: the task is cancelled without stepping it. Each case also without
# the cancel (the hand-run future's await then fails at the first step), and with two cancels
# (the last message wins). Then the loop goes on.

it = [0]
ran = []


def name():
    t = asyncio.current_task()
    return t.get_name() if t is not None else None


def body(tag, mode, fut=None):
    ran.append(tag)
    try:
        print("  ", tag, "body entered in", name())
        if fut is not None:
            r = yield from fut
            print("  ", tag, "future gave", repr(r), "in", name())
        else:
            r = yield
            print("  ", tag, "bare yield gave", repr(r), "in", name())
        yield
        return tag + "-done"
    except asyncio.CancelledError as e:
        print("  ", tag, "caught CancelledError", repr(str(e)), "in", name(),
              "cancelling", asyncio.current_task().cancelling())
        if mode == "raise":
            raise
        if mode == "reyield":
            r = yield
            print("  ", tag, "yielded again, got", repr(r), "in", name())
            yield
        return tag + "-swallowed"
    finally:
        print("  ", tag, "finally in", name())


async def direct(f):
    try:
        print("   direct await got", repr(await f))
    except RuntimeError as e:
        print("   direct await RuntimeError", repr(str(e)))


async def run(tag, g, cancels):
    t = asyncio.create_task(g, name=tag)
    for i in range(cancels):
        print(tag, "cancel ->", t.cancel("%s-%d" % (tag, i)), "cancelling", t.cancelling())
    try:
        r = await t
        print(tag, "result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(tag, "cancelled", repr(str(e)), t.cancelled(), "cancelling", t.cancelling())
    except Exception as e:
        print(tag, "failed", type(e).__name__, repr(str(e)), "cancelling", t.cancelling())


async def main():
    loop = asyncio.get_running_loop()
    for cancels in (0, 1, 2):
        print("=== cancels:", cancels)
        print("== fresh generator")
        del ran[:]
        g = body("fresh", "raise")
        await run("fresh", g, cancels)
        print("ran", ran)
        try:
            v = g.send(None)
            print("next ->", repr(v))
        except StopIteration as e:
            print("next: StopIteration", repr(e.value))

        print("== advanced by hand to a bare yield")
        for mode in ("raise", "return", "reyield"):
            g = body("bare-" + mode, mode)
            print("by hand ->", repr(g.send(None)))
            await run("bare-" + mode, g, cancels)

        print("== advanced by hand into an await of a pending future")
        for mode in ("raise", "return"):
            fut = loop.create_future()
            g = body("fut-" + mode, mode, fut)
            print("by hand yields the future:", g.send(None) is fut)
            await run("fut-" + mode, g, cancels)
            await asyncio.create_task(direct(fut))
            print("future pending", not fut.done())
            fut.set_result("late")
            await asyncio.create_task(direct(fut))

        print("== run to its end by hand")
        g = body("ended", "raise")
        print("by hand:", list(g))
        await run("ended", g, cancels)

    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
