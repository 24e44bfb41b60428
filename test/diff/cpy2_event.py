import asyncio

# CPython test_locks.py EventTests, as traces: test_repr (with real waiters), test_wait,
# test_wait_on_set, test_wait_cancel, test_clear, test_clear_with_waiters.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    loop = asyncio.get_running_loop()

    print("== test_repr")
    ev = asyncio.Event()
    print(r(ev))
    ev.set()
    print(r(ev))
    ev.clear()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print("one waiter", r(ev))
    ev.set()
    print("set with waiter", r(ev))
    print("waiter", await w, r(ev))

    print("== test_wait")
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    result = []

    async def c(i):
        got = await ev.wait()
        if got:
            result.append(i)
        print("c%d woke" % i, got, r(ev))

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("waiting", result, r(ev))
    t3 = asyncio.create_task(c(3))
    ev.set()
    print("set", r(ev))
    await asyncio.sleep(0)
    print("result", result)
    print("tasks", [(t.done(), t.result()) for t in (t1, t2, t3)])

    print("== test_wait_on_set")
    ev = asyncio.Event()
    ev.set()
    print("wait", await ev.wait(), r(ev))

    print("== test_wait_cancel")
    ev = asyncio.Event()
    wait = asyncio.create_task(ev.wait())
    loop.call_soon(wait.cancel)
    try:
        await wait
        print("not cancelled?")
    except asyncio.CancelledError:
        print("CancelledError", wait.cancelled(), r(ev))

    print("== test_clear")
    ev = asyncio.Event()
    print(ev.is_set())
    ev.set()
    print(ev.is_set())
    ev.clear()
    print(ev.is_set(), r(ev))

    print("== test_clear_with_waiters")
    ev = asyncio.Event()
    result = []

    async def c1():
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    print("waiting", result, r(ev))
    ev.set()
    ev.clear()
    print("set+clear", ev.is_set(), r(ev))
    ev.set()
    ev.set()
    print("set twice", ev.is_set(), r(ev))
    await asyncio.sleep(0)
    print("after tick", result, r(ev), t.done(), t.result())


asyncio.run(main())
