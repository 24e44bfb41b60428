import asyncio

# CPython test_pep492: LockTests.test_context_manager_async_with (locked() around an
# `async with` block of Lock, Condition, Semaphore, BoundedSemaphore; the value bound is None),
# CoroutineTests.test_iscoroutine (a coroutine object; FakeCoro is left out: JavaScript has no
# Coroutine ABC), test_iscoroutinefunction, test_async_def_coroutines (in production and debug
# mode), test_types_coroutine (awaiting a generator-based coroutine a plain function returns),
# test_double_await (awaiting a coroutine a task already runs is a RuntimeError; only its type
# is printed, as the test checks only that: the messages differ deliberately).


def section(name):
    print("==", name)


async def hold(name, prim):
    await asyncio.sleep(0)
    print("  ", name, "before: locked", prim.locked())
    async with prim as bound:
        print("  ", name, "inside: bound", repr(bound), "locked", prim.locked())
        await asyncio.sleep(0)
        print("  ", name, "inside after a sleep: locked", prim.locked())
    print("  ", name, "after: locked", prim.locked())
    return name


async def bar():
    return "spam"


async def foo():
    return await bar()


async def gen():
    return "spam"


def func():
    # a plain function that returns a coroutine object, as a @types.coroutine wrapper does
    return gen()


async def via_wrapper():
    w = func()
    print("  wrapper is a coroutine", asyncio.iscoroutine(w))
    return await w


async def afunc():
    await asyncio.sleep(0.5)


async def double_await(loop):
    coro = afunc()
    t = loop.create_task(coro)
    try:
        await asyncio.sleep(0)
        await coro
        print("  awaited again?")
    except RuntimeError as e:
        print("  second await raised", type(e).__name__)
    finally:
        print("  cancel task", t.cancel())
    await asyncio.sleep(0)
    print("  task cancelled", t.cancelled())


def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    section("test_context_manager_async_with")
    for name, prim in (("Lock", asyncio.Lock()), ("Condition", asyncio.Condition()),
                       ("Semaphore", asyncio.Semaphore()), ("BoundedSemaphore", asyncio.BoundedSemaphore())):
        print("  ran", loop.run_until_complete(hold(name, prim)), "locked", prim.locked())

    section("test_iscoroutine")
    c = bar()
    print("  coroutine object", asyncio.iscoroutine(c), "function", asyncio.iscoroutine(bar), "number", asyncio.iscoroutine(1))
    c.close()

    section("test_iscoroutinefunction")
    print("  async function", asyncio.iscoroutinefunction(foo))

    section("test_async_def_coroutines")
    print("  production", loop.get_debug(), loop.run_until_complete(foo()))
    loop.set_debug(True)
    print("  debug", loop.get_debug(), loop.run_until_complete(foo()))
    loop.set_debug(False)

    section("test_types_coroutine")
    print("  result", loop.run_until_complete(via_wrapper()))

    section("test_double_await")
    loop.set_debug(True)
    loop.run_until_complete(double_await(loop))
    loop.set_debug(False)
    loop.close()


main()
