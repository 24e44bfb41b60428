# CPython test_taskgroups.py scenarios: test_taskgroup_19, test_taskgroup_20a, test_taskgroup_21a,
# test_taskgroup_context_manager_exit_raises, test_taskgroup_no_create_task_after_failure,
# test_taskgroup_finished, test_taskgroup_without_parent_task.
# A body whose cleanup raises while a child fails (both errors collected, in order); the same with
# the errors swapped between child and body (JavaScript has no BaseException: the error types are
# printed, not the group's class, which is BaseExceptionGroup in 20a/21a); a context manager around
# the body whose exit raises; create_task() refused while the group shuts down and after it is
# finished (the message carries the group's repr); a group entered outside any task.
import asyncio, contextlib

def desc(e):
    if isinstance(e, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(e).__name__, str(e), ", ".join(desc(x) for x in e.exceptions))
    return "%s(%r)" % (type(e).__name__, str(e))

class MyExc(Exception):
    pass

class MyBaseExc(BaseException):
    pass

class CustomException(Exception):
    pass

async def t19_20a_21a(name, child_exc, body_exc, print_group):
    print("==", name)
    async def crash_soon():
        await asyncio.sleep(0.1)
        print("  child raises", child_exc.__name__)
        raise child_exc("child")
    async def nested():
        try:
            await asyncio.sleep(10)
        finally:
            print("  nested cleanup raises", body_exc.__name__)
            raise body_exc("body")
    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(crash_soon())
            await nested()
    try:
        await runner()
    except BaseExceptionGroup as eg:
        if print_group:
            print("  raised", desc(eg))
        print("  errors", [desc(e) for e in eg.exceptions])
    print("  cancelling", asyncio.current_task().cancelling())

async def cm_exit_raises():
    print("== test_taskgroup_context_manager_exit_raises")
    async def raise_exc():
        print("  child raises")
        raise CustomException("child")
    @contextlib.asynccontextmanager
    async def database():
        try:
            yield
        finally:
            print("  database exit raises")
            raise CustomException("exit")
    task = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            async with database():
                tg.create_task(raise_exc())
                await asyncio.sleep(1)
    except ExceptionGroup as err:
        print("  cancelling", task.cancelling())
        print("  raised", desc(err))
        print("  CustomException count", sum(isinstance(e, CustomException) for e in err.exceptions))

async def no_create_after_failure():
    print("== test_taskgroup_no_create_task_after_failure")
    async def coro1(n):
        await asyncio.sleep(0.1)
        print("  coro1", n, "raises")
        1 / 0
    async def coro2(g):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            c1 = coro1(2)
            try:
                g.create_task(c1)
            except RuntimeError as e:
                print("  create_task:", type(e).__name__, str(e))
            try:
                await c1
            except ZeroDivisionError as e:
                print("  awaited c1 itself:", type(e).__name__)
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(coro1(1))
            g.create_task(coro2(g))
    except ExceptionGroup as eg:
        print("  raised", desc(eg))

async def finished():
    print("== test_taskgroup_finished")
    async with asyncio.TaskGroup() as tg:
        pass
    coro = asyncio.sleep(0, "slept")
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("  create_task:", type(e).__name__, str(e))
    print("  awaited coro", repr(await coro))

async def without_parent_task():
    print("== test_taskgroup_without_parent_task")
    loop = asyncio.get_running_loop()
    box = []
    async def body(tg):
        pass
    def func():
        # Drive the group by hand from a loop callback: no current task.
        print("  current task in the callback", asyncio.current_task())
        try:
            for _ in asyncio.TaskGroup().__aenter__().__await__():
                pass
        except BaseException as e:
            box.append(e)
    loop.call_soon(func)
    await asyncio.sleep(0)
    e = box[0]
    print("  raised", type(e).__name__, str(e))

async def main():
    await asyncio.create_task(t19_20a_21a("test_taskgroup_19", ZeroDivisionError, MyExc, True))
    await asyncio.create_task(t19_20a_21a("test_taskgroup_20a", ZeroDivisionError, MyBaseExc, False))
    await asyncio.create_task(t19_20a_21a("test_taskgroup_21a", MyBaseExc, TypeError, False))
    await asyncio.create_task(cm_exit_raises())
    await asyncio.create_task(no_create_after_failure())
    await asyncio.create_task(finished())
    await asyncio.create_task(without_parent_task())

asyncio.run(main())
