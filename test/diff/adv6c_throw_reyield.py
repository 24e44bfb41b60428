import asyncio

# Exceptions delivered into a coroutine three levels deep through the futures it awaits: each
# level catches its own kind and suspends again (the innermost retries on ValueError, the
# middle one on KeyError, the outer one on a CancelledError that came from a cancelled future,
# not from a cancelled task: cancelling() stays 0); other kinds pass through. A future failed
# with a CancelledError instance, an exception replaced in an except clause, one exception
# object delivered to three waiters at once (the same object each time), and a return value
# carried up after the rounds. Then a real cancel() of the task in the middle of a round, and
# one in the very step that completes the awaited future (what it carried is never seen).

loop = None
feeds = []


def log(*a):
    print("   ", *a)


async def inner(tag):
    tries = 0
    while True:
        fut = loop.create_future()
        feeds.append(fut)
        try:
            v = await fut
            log(tag, "inner got", repr(v), "after", tries, "retries")
            return v
        except ValueError as e:
            tries += 1
            log(tag, "inner caught ValueError", repr(str(e)), "retrying")


async def middle(tag):
    while True:
        try:
            return "m(" + await inner(tag) + ")"
        except KeyError as e:
            log(tag, "middle caught KeyError", str(e), "retrying")
        except OverflowError as e:
            log(tag, "middle replaces OverflowError", repr(str(e)))
            raise LookupError("replaced: " + str(e))


async def outer(tag):
    rounds = 0
    while True:
        rounds += 1
        try:
            r = await middle(tag)
            log(tag, "outer got", repr(r), "in round", rounds)
            return "o(" + r + ")"
        except asyncio.CancelledError as e:
            t = asyncio.current_task()
            log(tag, "outer caught CancelledError", repr(str(e)), "cancelling", t.cancelling())
            if t.cancelling():
                raise


async def drive(plan, tag):
    t = asyncio.create_task(outer(tag), name=tag)
    for what in plan:
        await asyncio.sleep(0)
        f = feeds.pop()
        print(tag, "feed", what)
        if what == "value":
            f.set_exception(ValueError("v"))
        elif what == "key":
            f.set_exception(KeyError("k"))
        elif what == "cancel-fut":
            f.cancel("fut-msg")
        elif what == "cancelled-exc":
            f.set_exception(asyncio.CancelledError("as-exception"))
        elif what == "overflow":
            f.set_exception(OverflowError("o"))
        elif what == "cancel-task":
            print(tag, "cancel ->", t.cancel("task-msg"))
        elif what == "value+cancel":
            f.set_exception(ValueError("never seen"))
            print(tag, "cancel ->", t.cancel("same-step"), "cancelling", t.cancelling())
        elif what == "result+cancel":
            f.set_result("never seen")
            print(tag, "cancel ->", t.cancel("same-step"), "cancelling", t.cancelling())
        elif what.startswith("result"):
            f.set_result(what)
        if what == "cancel-task":
            feeds.append(f)
    try:
        print(tag, "result", repr(await t))
    except asyncio.CancelledError as e:
        print(tag, "CancelledError", repr(str(e)), "cancelled", t.cancelled())
    except Exception as e:
        print(tag, "failed", type(e).__name__, repr(str(e)))
    del feeds[:]


async def waiter(name, fut, seen):
    try:
        await fut
    except ValueError as e:
        seen.append(e)
        log(name, "got", repr(str(e)))
        try:
            await asyncio.sleep(0)
            raise
        except ValueError as e2:
            log(name, "re-raised, same object", e2 is e)
    return name


async def main():
    global loop
    loop = asyncio.get_running_loop()
    print("== retries at each level, then a result")
    await drive(["value", "key", "value", "cancel-fut", "value", "result-1"], "A")
    print("== a future failed with a CancelledError instance")
    await drive(["cancelled-exc", "key", "result-2"], "B")
    print("== an exception replaced on its way up")
    await drive(["value", "overflow"], "C")
    print("== a real cancel() mid-way")
    await drive(["key", "cancel-task"], "D")
    print("== cancel() in the step that fails the awaited future: the ValueError is never seen")
    await drive(["value", "value+cancel"], "E")
    print("== cancel() in the step that sets its result: the result is never seen")
    await drive(["key", "result+cancel"], "F")

    print("== one exception object, three waiters")
    f = loop.create_future()
    seen = []
    ws = [asyncio.create_task(waiter("w%d" % i, f, seen)) for i in range(3)]
    await asyncio.sleep(0)
    exc = ValueError("shared")
    f.set_exception(exc)
    print("gathered", await asyncio.gather(*ws))
    print("all the same object", all(e is exc for e in seen), len(seen))
    print("the loop goes on:", await asyncio.sleep(0, "ok"))


asyncio.run(main())
