import asyncio
import re

# cancelling() and uncancel() across a task's life, with the repr's state word at each point:
# requests before the first step (the last message wins; uncancel() down to 0 does not withdraw
# them in 3.11: the task is still cancelled at its first step), uncancel() below zero, a request
# while the task runs (self-cancel) withdrawn by uncancel() before the next await (still
# delivered there), a task that catches the request, uncancel()s and goes on (a later request
# counts from 0 again), a task that catches and returns (done with cancelling() 1), cancel()
# and uncancel() on a done task (cancel() returns False and counts nothing; uncancel() still
# counts down), and a task that sees its own count from inside.


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


def word(t):
    return clean(repr(t)).split(" ")[1]


def end(t):
    if not t.done():
        return "pending"
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            return "cancelled " + repr(str(e))
    if t.exception() is not None:
        return "exception " + repr(t.exception())
    return "result " + repr(t.result())


async def plain():
    print("    plain ran")
    await asyncio.sleep(0.01)
    return "plain"


async def self_canceller():
    me = asyncio.current_task()
    print("    self cancel ->", me.cancel("self"), "cancelling", me.cancelling(), word(me))
    print("    uncancel ->", me.uncancel(), word(me))
    try:
        await asyncio.sleep(0)
        print("    not cancelled")
    except asyncio.CancelledError as e:
        print("    still delivered", repr(str(e)), "cancelling", me.cancelling())
    return "went on"


async def resister(rounds):
    me = asyncio.current_task()
    n = 0
    while True:
        try:
            await asyncio.sleep(1)
            return "slept"
        except asyncio.CancelledError as e:
            n += 1
            print("    resister caught", repr(str(e)), "cancelling", me.cancelling(), word(me))
            if n >= rounds:
                return "gave up resisting after %d" % n
            print("    resister uncancel ->", me.uncancel(), word(me))


async def main():
    print("-- before the first step")
    t = asyncio.create_task(plain(), name="P")
    print("  ", [t.cancel("a"), t.cancel("b"), t.cancel("c")], "cancelling", t.cancelling(), word(t))
    print("   uncancel x3 ->", [t.uncancel() for _ in range(3)], word(t))
    print("   uncancel below zero ->", t.uncancel(), t.uncancel())
    await asyncio.sleep(0)
    print("  ", end(t), "cancelling", t.cancelling(), word(t))

    print("-- self-cancel withdrawn before the next await")
    t = asyncio.create_task(self_canceller(), name="S")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  ", end(t), "cancelling", t.cancelling())

    print("-- resisting with uncancel()")
    t = asyncio.create_task(resister(3), name="R")
    await asyncio.sleep(0)
    for m in ("r1", "r2", "r3"):
        print("   cancel", m, "->", t.cancel(m), "cancelling", t.cancelling(), word(t))
        await asyncio.sleep(0)
    print("  ", end(t), "cancelling", t.cancelling(), word(t))
    print("   cancel done ->", t.cancel("late"), "cancelling", t.cancelling())
    print("   uncancel done ->", t.uncancel(), t.uncancel(), word(t))

    print("-- two requests, one caught: the task returns")
    t = asyncio.create_task(resister(1), name="R1")
    await asyncio.sleep(0)
    print("   cancels ->", t.cancel("x"), t.cancel("y"), "cancelling", t.cancelling())
    await asyncio.sleep(0)
    print("  ", end(t), "cancelling", t.cancelling())

    print("-- uncancel() of a waiting task before its wake-up")
    t = asyncio.create_task(resister(2), name="R2")
    await asyncio.sleep(0)
    print("   cancel ->", t.cancel("w"), "uncancel ->", t.uncancel(), word(t))
    await asyncio.sleep(0)
    print("   cancel again ->", t.cancel("w2"), word(t))
    await asyncio.sleep(0)
    print("  ", end(t), "cancelling", t.cancelling())
    print("loop goes on", await asyncio.sleep(0, "ok"))


asyncio.run(main())
