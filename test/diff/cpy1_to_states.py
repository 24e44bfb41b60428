# CPython test_timeouts.py scenarios: test_reschedule, test_repr_active, test_repr_expired,
# test_repr_finished, test_repr_disabled, test_timeout_finished, test_timeout_expired,
# test_timeout_expiring, test_timeout_without_task.
# when() and reschedule() from another task while the block waits; the repr in each state;
# reschedule() refused once the timeout is finished, expired or expiring (the message names the
# state); a timeout entered outside any task (driven by hand from a loop callback).
import asyncio, re

async def t_reschedule():
    print("== test_reschedule")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    deadline1 = loop.time() + 10
    deadline2 = deadline1 + 20
    async def f():
        async with asyncio.timeout_at(deadline1) as cm:
            fut.set_result(cm)
            await asyncio.sleep(50)
    task = asyncio.create_task(f())
    cm = await fut
    print("  when is deadline1", cm.when() == deadline1)
    cm.reschedule(deadline2)
    print("  when is deadline2", cm.when() == deadline2)
    cm.reschedule(None)
    print("  when", cm.when(), repr(cm))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("  task CancelledError; cancelled", task.cancelled())
    print("  expired", cm.expired(), repr(cm))

async def t_repr_active():
    print("== test_repr_active")
    async with asyncio.timeout(10) as cm:
        print("  matches", bool(re.fullmatch(r"<Timeout \[active\] when=\d+\.\d*>", repr(cm))))

async def t_repr_expired():
    print("== test_repr_expired")
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError")
    print(" ", repr(cm))

async def t_repr_finished():
    print("== test_repr_finished")
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
    print(" ", repr(cm))

async def t_repr_disabled():
    print("== test_repr_disabled")
    async with asyncio.timeout(None) as cm:
        print(" ", repr(cm))

async def t_finished():
    print("== test_timeout_finished")
    async with asyncio.timeout(0.1) as cm:
        pass
    try:
        cm.reschedule(0.2)
    except RuntimeError as e:
        print("  RuntimeError", str(e))

async def t_expired():
    print("== test_timeout_expired")
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("  TimeoutError")
    try:
        cm.reschedule(0.2)
    except RuntimeError as e:
        print("  RuntimeError", str(e))

async def t_expiring():
    print("== test_timeout_expiring")
    async with asyncio.timeout(0.1) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("  CancelledError;", repr(cm), "expired", cm.expired())
        try:
            cm.reschedule(0.2)
        except RuntimeError as e:
            print("  RuntimeError", str(e))
    print("  block ended without TimeoutError;", repr(cm), "cancelling", asyncio.current_task().cancelling())

async def t_without_task():
    print("== test_timeout_without_task")
    loop = asyncio.get_running_loop()
    box = []
    def func():
        # Drive the timeout by hand from a loop callback: no current task.
        try:
            for _ in asyncio.timeout(0.1).__aenter__().__await__():
                pass
        except BaseException as e:
            box.append(e)
    loop.call_soon(func)
    await asyncio.sleep(0)
    e = box[0]
    print("  raised", type(e).__name__, str(e))

async def main():
    for f in (t_reschedule, t_repr_active, t_repr_expired, t_repr_finished, t_repr_disabled,
              t_finished, t_expired, t_expiring, t_without_task):
        await asyncio.create_task(f())

asyncio.run(main())
