# CPython test_timeouts.py scenarios: test_foreign_exception_passed,
# test_foreign_exception_on_timeout, test_foreign_cancel_doesnt_timeout_if_not_expired,
# test_outer_task_is_not_cancelled, test_nested_timeout_in_finally,
# test_timeout_after_cancellation, test_cancel_in_timeout_after_cancellation.
# Errors other than the timeout's cancellation pass through unchanged; a cancellation that is not
# the timeout's stays a cancellation; a timeout in a cleanup that runs while the task is already
# being cancelled (the cancelling() counts on the way). Each section runs in a task of its own.
import asyncio

def cancelling():
    return asyncio.current_task().cancelling()

async def t_foreign_passed():
    print("== test_foreign_exception_passed")
    try:
        async with asyncio.timeout(0.1) as cm:
            raise KeyError("k")
    except KeyError as e:
        print("  KeyError", repr(e.args[0]))
    print("  expired", cm.expired(), repr(cm), "cancelling", cancelling())

async def t_foreign_on_timeout():
    print("== test_foreign_exception_on_timeout")
    async def crash():
        try:
            await asyncio.sleep(1)
        finally:
            print("  crash cleanup raises; cancelling", cancelling())
            1 / 0
    try:
        async with asyncio.timeout(0.1) as cm:
            await crash()
    except ZeroDivisionError as e:
        print("  ZeroDivisionError", repr(str(e)))
    print("  expired", cm.expired(), "cancelling", cancelling())

async def t_foreign_cancel():
    print("== test_foreign_cancel_doesnt_timeout_if_not_expired")
    try:
        async with asyncio.timeout(10) as cm:
            print("  cancel own task ->", asyncio.current_task().cancel("by hand"))
            await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  CancelledError", repr(str(e)))
    print("  expired", cm.expired(), repr(cm), "cancelling", cancelling())

async def t_outer_not_cancelled():
    print("== test_outer_task_is_not_cancelled")
    async def outer():
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(10)
        except TimeoutError:
            print("  outer caught TimeoutError")
        return "outer done"
    task = asyncio.create_task(outer())
    print("  result", repr(await task))
    print("  cancelled", task.cancelled(), "done", task.done(), "cancelling", task.cancelling())

async def t_nested_in_finally():
    print("== test_nested_timeout_in_finally")
    try:
        async with asyncio.timeout(0.1) as cm1:
            try:
                await asyncio.sleep(1)
            finally:
                print("  finally; cancelling", cancelling())
                try:
                    async with asyncio.timeout(0.1) as cm2:
                        await asyncio.sleep(10)
                except TimeoutError:
                    print("  inner TimeoutError; cancelling", cancelling(), "cm2 expired", cm2.expired())
    except TimeoutError:
        print("  outer TimeoutError; cancelling", cancelling(), "cm1 expired", cm1.expired())

async def t_after_cancellation(name, cancel_inside):
    print("==", name)
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  work cancelled; cancelling", cancelling())
    finally:
        try:
            async with asyncio.timeout(1.0 if cancel_inside else 0.0) as cm:
                if cancel_inside:
                    asyncio.current_task().cancel()
                    print("  cancelled again inside; cancelling", cancelling())
                await asyncio.sleep(1)
        except TimeoutError:
            print("  cleanup TimeoutError; cancelling", cancelling())
        except asyncio.CancelledError:
            print("  cleanup CancelledError; cancelling", cancelling())
        print("  expired", cm.expired())
    return "finished"

async def main():
    for f in (t_foreign_passed, t_foreign_on_timeout, t_foreign_cancel):
        try:
            await asyncio.create_task(f())
        except asyncio.CancelledError:
            print("  section task cancelled")
    for f in (t_outer_not_cancelled, t_nested_in_finally):
        await asyncio.create_task(f())
    for name, inside in (("test_timeout_after_cancellation", False), ("test_cancel_in_timeout_after_cancellation", True)):
        t = asyncio.create_task(t_after_cancellation(name, inside))
        print("  section result", repr(await t), "cancelling", t.cancelling())

asyncio.run(main())
