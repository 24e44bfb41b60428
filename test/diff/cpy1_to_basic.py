# CPython test_timeouts.py scenarios: test_timeout_basic, test_timeout_at_basic,
# test_nested_timeouts, test_waiter_cancelled, test_timeout_not_called, test_timeout_disabled,
# test_timeout_at_disabled, test_timeout_zero, test_timeout_zero_sleep_zero,
# test_timeout_in_the_past_sleep_zero, test_timeout_exception_cause.
# Each section runs in a task of its own (as each test method does).
import asyncio

async def t_basic():
    print("== test_timeout_basic")
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(10)
    except TimeoutError as e:
        print("  TimeoutError", repr(str(e)))
    print("  expired", cm.expired(), repr(cm))

async def t_at_basic():
    print("== test_timeout_at_basic")
    loop = asyncio.get_running_loop()
    try:
        deadline = loop.time() + 0.1
        async with asyncio.timeout_at(deadline) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("  TimeoutError")
    print("  expired", cm.expired(), "when is deadline", deadline == cm.when())

async def t_nested():
    print("== test_nested_timeouts")
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    cancelled = False
    try:
        deadline = loop.time() + 0.1
        async with asyncio.timeout_at(deadline) as cm1:
            try:
                async with asyncio.timeout_at(deadline) as cm2:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                print("  inner block let CancelledError out; cancelling", task.cancelling())
                raise
    except TimeoutError:
        print("  outer block raised TimeoutError; cancelling", task.cancelling())
    print("  cancelled", cancelled, "cm1 expired", cm1.expired(), "cm2 expired", cm2.expired())

async def t_waiter_cancelled():
    print("== test_waiter_cancelled")
    cancelled = False
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                cancelled = True
                print("  sleep raised CancelledError", repr(str(e)))
                raise
    except TimeoutError:
        print("  TimeoutError")
    print("  cancelled", cancelled)

async def t_not_called():
    print("== test_timeout_not_called")
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0.1)
    t1 = loop.time()
    print("  expired", cm.expired(), "when > t1", cm.when() > t1, repr(cm))

async def t_disabled():
    print("== test_timeout_disabled")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print("  expired", cm.expired(), "when", cm.when(), repr(cm))

async def t_at_disabled():
    print("== test_timeout_at_disabled")
    async with asyncio.timeout_at(None) as cm:
        await asyncio.sleep(0.1)
    print("  expired", cm.expired(), "when", cm.when(), repr(cm))

async def t_zero(name, delay, sleep_for):
    print("==", name)
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(delay) as cm:
            print("  inside, expired", cm.expired())
            await asyncio.sleep(sleep_for)
            print("  not reached")
    except TimeoutError:
        print("  TimeoutError")
    t1 = loop.time()
    w = cm.when()
    if delay < 0:
        print("  expired", cm.expired(), "t0 >= when", t0 >= w, "when <= t1", w <= t1)
    else:
        print("  expired", cm.expired(), "t0 <= when", t0 <= w, "when <= t1", w <= t1)

async def t_cause():
    print("== test_timeout_exception_cause")
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    except asyncio.TimeoutError as e:
        print("  caught", type(e).__name__)
        print("  cause", type(e.__cause__).__name__, repr(str(e.__cause__)))

async def main():
    for f in (t_basic, t_at_basic, t_nested, t_waiter_cancelled, t_not_called, t_disabled, t_at_disabled):
        await asyncio.create_task(f())
    await asyncio.create_task(t_zero("test_timeout_zero", 0, 10))
    await asyncio.create_task(t_zero("test_timeout_zero_sleep_zero", 0, 0))
    await asyncio.create_task(t_zero("test_timeout_in_the_past_sleep_zero", -11, 0))
    await asyncio.create_task(t_cause())

asyncio.run(main())
