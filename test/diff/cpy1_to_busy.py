# CPython test_timeouts.py scenarios: test_nested_timeouts_concurrent,
# test_nested_timeouts_loop_busy.
# Nested timeouts while the loop is blocked (time.sleep, not an await): only the outer deadline
# passes during the block; then both pass during it (the inner one first). In both, the inner
# block lets a CancelledError out (the inner timeout is not the only one that cancelled the task,
# or not expired at all) and the outer one turns it into TimeoutError. Margins of 150 ms or more.
import asyncio, time

def cancelling():
    return asyncio.current_task().cancelling()

async def concurrent():
    print("== test_nested_timeouts_concurrent")
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    time.sleep(0.25)  # the loop is blocked past the outer deadline
                    print("  block over; outer expired", outer.expired(), "inner expired", inner.expired())
                    await asyncio.sleep(1)
            except BaseException as e:
                print("  inner level got", type(e).__name__, "cancelling", cancelling(), "inner expired", inner.expired())
                raise
    except TimeoutError:
        print("  outer level got TimeoutError; cancelling", cancelling(), "outer expired", outer.expired())

async def loop_busy():
    print("== test_nested_timeouts_loop_busy")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.3) as outer:
            try:
                async with asyncio.timeout(0.1) as inner:
                    time.sleep(0.45)  # both deadlines pass while the loop is blocked
                    await asyncio.sleep(1)
            except TimeoutError:
                print("  inner level got TimeoutError")
            except BaseException as e:
                print("  inner level got", type(e).__name__, "cancelling", cancelling(), "inner expired", inner.expired())
                raise
            print("  after the inner block")
            await asyncio.sleep(10)
    except TimeoutError:
        print("  outer level got TimeoutError; cancelling", cancelling(), "outer expired", outer.expired())
    t1 = loop.time()
    print("  t0 <= t1 <= t0 + 1", t0 <= t1 <= t0 + 1)

async def main():
    await asyncio.create_task(concurrent())
    await asyncio.create_task(loop_busy())

asyncio.run(main())
