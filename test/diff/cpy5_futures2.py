import asyncio

# CPython test_futures2: FutureTests.test_future_traceback (a task whose coroutine raised
# TypeError(42), awaited five times: each await raises the same exception; the traceback
# count is Python-only and left out; a plain Future failed the same way is awaited too),
# FutureReprTests.test_recursive_repr_for_pending_tasks (a task whose result is all_tasks(),
# itself included, got through wait_for: its repr reads '...' where it meets itself).


def section(name):
    print("==", name)


async def raise_exc():
    raise TypeError(42)


async def func():
    return asyncio.all_tasks()


async def main():
    section("test_future_traceback")
    task = asyncio.create_task(raise_exc())
    first = None
    for i in range(5):
        try:
            await task
            print("  no exception?")
        except TypeError as e:
            if first is None:
                first = e
            print("  await", i, type(e).__name__, e.args[0], "same object", e is first, "is task.exception()", e is task.exception())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_exception, TypeError(43))
    first = None
    for i in range(3):
        try:
            await fut
        except TypeError as e:
            if first is None:
                first = e
            print("  future await", i, type(e).__name__, e.args[0], "same object", e is first)

    section("test_recursive_repr_for_pending_tasks")
    tasks = await asyncio.wait_for(func(), timeout=10)
    print("  got", len(tasks), "tasks, current among them", asyncio.current_task() in tasks)
    print("  '...' in repr(tasks)", "..." in repr(tasks))
    for t in tasks:
        if t is not asyncio.current_task():
            print("  the func task: done", t.done(), "result is the set", t.result() is tasks, "'...' in its repr", "..." in repr(t))


asyncio.run(main())
