# CPython test_taskgroups.py scenarios: test_cancellation, test_taskgroup_07, test_taskgroup_08,
# test_taskgroup_11, test_taskgroup_12, test_taskgroup_15, test_taskgroup_16, test_taskgroup_17,
# test_taskgroup_18.
# The task running a group is cancelled from outside: the children are cancelled (and counted),
# children that fail while being cancelled turn the cancellation into an ExceptionGroup (also
# through a nested group), a child failing while the cancelled body still cleans up (directly and
# in a task awaited by the cancelled one), an empty group, and a body that answers its
# cancellation with an error of its own.
import asyncio

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

class MyExc(Exception):
    pass

async def outcome(r):
    try:
        v = await r
        print("  result", repr(v))
    except asyncio.CancelledError as e:
        print("  CancelledError", repr(str(e)))
    except ExceptionGroup as eg:
        print("  raised", desc(eg))
    print("  r cancelled", r.cancelled(), "cancelling", r.cancelling())

async def cancel_after(r, d):
    await asyncio.sleep(d)
    print("  r done before cancel", r.done())
    r.cancel()

async def t_cancellation(name, body_waits):
    print("==", name)
    NUM = 0
    async def foo():
        nonlocal NUM
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            NUM += 1
            raise
    async def runner():
        nonlocal NUM
        async with asyncio.TaskGroup() as g:
            for _ in range(5):
                g.create_task(foo())
            if body_waits:
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    NUM += 10
                    raise
    r = asyncio.create_task(runner())
    await cancel_after(r, 0.1)
    await outcome(r)
    print("  NUM", NUM)

async def t08():
    print("== test_taskgroup_08")
    async def foo(n):
        try:
            await asyncio.sleep(10)
        finally:
            # (no print here: asyncio aborts the children in the order of a set, by address)
            1 / 0
    async def runner():
        async with asyncio.TaskGroup() as g:
            for n in range(5):
                g.create_task(foo(n))
            await asyncio.sleep(10)
    r = asyncio.create_task(runner())
    await cancel_after(r, 0.1)
    await outcome(r)

async def t11_12(name, outer_child):
    print("==", name)
    async def foo(n):
        try:
            await asyncio.sleep(10)
        finally:
            1 / 0
    async def runner():
        async with asyncio.TaskGroup() as g1:
            if outer_child:
                g1.create_task(asyncio.sleep(10))
            try:
                async with asyncio.TaskGroup() as g2:
                    for n in range(5):
                        g2.create_task(foo(n))
                    await asyncio.sleep(10)
            except BaseException as e:
                print("  inner group raised", type(e).__name__, len(e.exceptions), "errors")
                raise
    r = asyncio.create_task(runner())
    await cancel_after(r, 0.1)
    await outcome(r)

async def t15_16(name, nested):
    print("==", name)
    loop = asyncio.get_running_loop()
    async def crash_soon():
        await asyncio.sleep(0.3)
        print("  crash_soon raises")
        1 / 0
    async def nested_runner():
        async with asyncio.TaskGroup() as g1:
            g1.create_task(crash_soon())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("  body cancelled", "cancelling", asyncio.current_task().cancelling())
                try:
                    await asyncio.sleep(0.5)
                except asyncio.CancelledError:
                    print("  cleanup sleep cancelled", "cancelling", asyncio.current_task().cancelling())
                    raise
                raise
    async def runner():
        t = asyncio.create_task(nested_runner())
        try:
            await t
        finally:
            print("  inner task cancelled", t.cancelled(), "cancelling", t.cancelling())
    r = asyncio.create_task(runner() if nested else nested_runner())
    await cancel_after(r, 0.1)
    await outcome(r)

async def t17_18(name, raise_myexc):
    print("==", name)
    NUM = 0
    async def runner():
        nonlocal NUM
        async with asyncio.TaskGroup() as g:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                NUM += 10
                if raise_myexc:
                    raise MyExc
                raise
    r = asyncio.create_task(runner())
    await cancel_after(r, 0.1)
    await outcome(r)
    print("  NUM", NUM)

async def main():
    await asyncio.create_task(t_cancellation("test_cancellation", False))
    await asyncio.create_task(t_cancellation("test_taskgroup_07", True))
    await asyncio.create_task(t08())
    await asyncio.create_task(t11_12("test_taskgroup_11", False))
    await asyncio.create_task(t11_12("test_taskgroup_12", True))
    await asyncio.create_task(t15_16("test_taskgroup_15", False))
    await asyncio.create_task(t15_16("test_taskgroup_16", True))
    await asyncio.create_task(t17_18("test_taskgroup_17", False))
    await asyncio.create_task(t17_18("test_taskgroup_18", True))

asyncio.run(main())
