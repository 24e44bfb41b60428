import asyncio

# CPython test_runners: test_asyncio_run_from_running_loop and test_recursive_run (whose
# Runner.run is asyncio.run here), from places other than main's own step: a call_soon callback,
# a future's done callback, another task's step. Each refusal is a RuntimeError raised at the
# call; the coroutine it was given is left unstarted (CPython warns it was never awaited) and can
# still be awaited afterwards; the running loop is unchanged and main goes on.

loop_of_main = []


def section(name):
    print("==", name)


async def child(tag):
    await asyncio.sleep(0)
    return "child " + tag


def try_run(where, coro, keep):
    try:
        asyncio.run(coro)
        print("  ", where, "nested run returned?")
    except RuntimeError as e:
        print("  ", where, "->", type(e).__name__, str(e))
    print("  ", where, "running loop unchanged", asyncio.get_running_loop() is loop_of_main[0])
    keep.append(coro)


async def other_task(keep):
    try_run("other task", child("t"), keep)
    return "other task done"


async def main():
    loop = asyncio.get_running_loop()
    loop_of_main.append(loop)
    keep = []

    section("test_asyncio_run_from_running_loop: main's step")
    try_run("main", child("m"), keep)

    section("test_asyncio_run_from_running_loop: a callback")
    ran = loop.create_future()
    loop.call_soon(lambda: (try_run("callback", child("c"), keep), ran.set_result(None)))
    await ran

    section("test_asyncio_run_from_running_loop: a done callback")
    f = loop.create_future()
    f.add_done_callback(lambda fut: try_run("done callback", child("d"), keep))
    f.set_result(1)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    section("test_recursive_run: another task")
    print("  ", await asyncio.create_task(other_task(keep)))

    section("the refused coroutines are still fresh")
    for c in keep:
        print("  ", await c)
    return "main done"


print(asyncio.run(main()))
