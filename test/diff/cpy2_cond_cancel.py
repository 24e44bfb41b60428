import asyncio

# CPython test_locks.py ConditionTests, cancellation and timeouts, as traces:
# test_wait_cancel, test_wait_cancel_contested, test_wait_cancel_after_notify,
# test_timeout_in_block.
def r(x):
    s = repr(x)
    return "<" + type(x).__name__ + " " + s[s.index("["):]


async def main():
    loop = asyncio.get_running_loop()

    print("== test_wait_cancel")
    cond = asyncio.Condition()
    await cond.acquire()
    wait = asyncio.create_task(cond.wait())
    loop.call_soon(wait.cancel)
    try:
        await wait
        print("not cancelled?")
    except asyncio.CancelledError:
        print("CancelledError", wait.cancelled(), cond.locked(), r(cond))
    cond.release()

    print("== test_wait_cancel_contested")
    cond = asyncio.Condition()
    await cond.acquire()
    print("locked", cond.locked())
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("waiting", cond.locked(), r(cond))
    await cond.acquire()
    print("contested", cond.locked(), r(cond))
    cond.notify()
    loop.call_soon(wait_task.cancel)
    loop.call_soon(cond.release)
    try:
        res = await wait_task
        print("wait_task result", res)
    except asyncio.CancelledError:
        print("wait_task cancelled")
    print("after", cond.locked(), wait_task.done(), wait_task.cancelled(), r(cond))
    cond.release()

    print("== test_wait_cancel_after_notify")
    cond = asyncio.Condition()
    waited = []

    async def wait_on_cond():
        async with cond:
            waited.append(True)
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("wait raised CancelledError, locked", cond.locked())
                raise
        print("unreachable?")

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)
    print("waiting", r(cond))
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print("notified, waiter in acquire", r(cond), waiter.done())
    waiter.cancel()
    await asyncio.sleep(0)
    print("cancel activated", r(cond), waiter.done())
    cond.release()
    await asyncio.sleep(0)
    print("released", waiter.done(), waiter.cancelled(), waited, r(cond))

    print("== test_timeout_in_block")
    cond = asyncio.Condition()
    async with cond:
        t0 = loop.time()
        try:
            await asyncio.wait_for(cond.wait(), timeout=0.2)
            print("no timeout?")
        except asyncio.TimeoutError as e:
            el = loop.time() - t0
            print("TimeoutError", type(e).__name__, 0.19 <= el < 1.0, cond.locked(), r(cond))
    print("after block", cond.locked(), r(cond))


asyncio.run(main())
