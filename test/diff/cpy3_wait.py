# CPython test_tasks.py, asyncio.wait(), as printed traces: test_wait,
# test_wait_duplicate_coroutines, test_wait_errors, test_wait_first_completed,
# test_wait_really_done, test_wait_first_exception, test_wait_first_exception_in_wait,
# test_wait_with_exception, test_wait_with_timeout, test_wait_with_iterator_of_tasks,
# test_wait_invalid_args. (CPython's test clock is replaced by sleeps 0.1 s to 0.3 s apart;
# elapsed times are printed to the tenth. Errors for bad input are printed by class only where
# aionode's messages differ: README, deliberate differences.)
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def elapsed(t0):
        return round(loop.time() - t0, 1)

    print("== test_wait")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.3))

    async def foo():
        done, pending = await asyncio.wait([b, a])
        print("  done is {a, b}", done == {a, b}, "pending", pending)
        return 42

    print("  returned", await asyncio.create_task(foo()), "after", elapsed(t0))
    t0 = loop.time()
    print("  again", await asyncio.create_task(foo()), "after", elapsed(t0))

    print("== test_wait_duplicate_coroutines")

    async def coro(s):
        return s

    c = asyncio.create_task(coro("test"))
    done, pending = await asyncio.create_task(asyncio.wait([c, c, asyncio.create_task(coro("spam"))]))
    print("  pending", pending, "results", sorted(f.result() for f in done), "done", len(done))

    print("== test_wait_errors")
    try:
        await asyncio.wait(set())
    except ValueError:
        print("  empty set refused")
    s = asyncio.create_task(asyncio.sleep(10.0))
    try:
        await asyncio.wait([s], return_when=-1)
    except ValueError:
        print("  return_when -1 refused")
    s.cancel()

    print("== test_wait_first_completed")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(10.0))
    b = asyncio.create_task(asyncio.sleep(0.1))
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    print("  done is {b}", done == {b}, "pending is {a}", pending == {a}, "after", elapsed(t0))
    print("  a done", a.done(), "b done", b.done(), "b result", b.result())
    a.cancel()
    await asyncio.wait([a, b])

    print("== test_wait_really_done")

    async def coro1():
        await asyncio.sleep(0)

    async def coro2():
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    a = asyncio.create_task(coro1())
    b = asyncio.create_task(coro2())
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    print("  done is {a, b}", done == {a, b}, "pending", pending)
    print("  a", a.done(), a.result(), "b", b.done(), b.result())

    print("== test_wait_first_exception")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc():
        raise ZeroDivisionError("err")

    b = asyncio.create_task(exc())
    done, pending = await asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION))
    print("  done is {b}", done == {b}, "pending is {a}", pending == {a}, "after", elapsed(t0))
    print("  b exception", repr(b.exception()))
    a.cancel()
    await asyncio.wait([a, b])

    print("== test_wait_first_exception_in_wait")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc_later():
        await asyncio.sleep(0.1)
        raise ZeroDivisionError("err")

    b = asyncio.create_task(exc_later())
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION)
    print("  done is {b}", done == {b}, "pending is {a}", pending == {a}, "after", elapsed(t0))
    print("  b exception", repr(b.exception()))
    a.cancel()
    await asyncio.wait([a, b])

    print("== test_wait_with_exception")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(0.1))

    async def sleeper():
        await asyncio.sleep(0.3)
        raise ZeroDivisionError("really")

    b = asyncio.create_task(sleeper())

    async def foo2():
        done, pending = await asyncio.wait([b, a])
        errors = set(f for f in done if f.exception() is not None)
        print("  done", len(done), "pending", pending, "errors", len(errors), "is b", errors == {b})

    await asyncio.create_task(foo2())
    print("  after", elapsed(t0))
    t0 = loop.time()
    await asyncio.create_task(foo2())
    print("  again after", elapsed(t0))

    print("== test_wait_with_timeout")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.3))

    async def foo3():
        done, pending = await asyncio.wait([b, a], timeout=0.2)
        print("  done is {a}", done == {a}, "pending is {b}", pending == {b}, "b done", b.done())

    await asyncio.create_task(foo3())
    print("  after", elapsed(t0))
    await asyncio.wait([a, b])
    print("  all done after", elapsed(t0))

    print("== test_wait_with_iterator_of_tasks")
    t0 = loop.time()
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.3))

    async def foo4():
        done, pending = await asyncio.wait(iter([b, a]))
        print("  done is {a, b}", done == {a, b}, "pending", pending)
        return 42

    print("  returned", await asyncio.create_task(foo4()), "after", elapsed(t0))

    print("== test_wait_invalid_args")
    fut = loop.create_future()
    try:
        await asyncio.wait(fut)
    except TypeError:
        print("  a future: TypeError")

    async def coroutine_function():
        pass

    c = coroutine_function()
    try:
        await asyncio.wait(c)
    except TypeError:
        print("  a coroutine: TypeError")
    c.close()
    try:
        await asyncio.wait([])
    except ValueError:
        print("  an empty list refused")
    fut.cancel()


asyncio.run(main())
