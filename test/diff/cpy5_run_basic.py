import asyncio

# CPython test_runners.RunTests: test_asyncio_run_return, test_asyncio_run_raises,
# test_asyncio_run_only_coro (a number; the lambda subtest is left out: aionode calls a function
# as a coroutine function), test_asyncio_run_debug (explicit debug=True/False and the default, seen
# through get_event_loop() inside main), test_asyncio_run_from_running_loop,
# test_asyncio_run_set_event_loop (main's get_event_loop() is the loop running it, a new one per
# run). Each section prints what the test asserts.


def section(name):
    print("==", name)


async def returns_42():
    await asyncio.sleep(0)
    return 42


async def raises_spam():
    await asyncio.sleep(0)
    raise ValueError("spam")


async def debug_of_loop(tag):
    loop = asyncio.get_event_loop()
    print("  ", tag, "get_debug", loop.get_debug(), "same as running", loop is asyncio.get_running_loop())
    return loop.get_debug()


seen = {}


async def nested_run():
    inner = returns_42()
    try:
        asyncio.run(inner)
        print("  nested run returned?")
    except RuntimeError as e:
        print("  nested run:", type(e).__name__, str(e))
    finally:
        inner.close()
    await asyncio.sleep(0)
    return "outer survived"


async def record_loop(tag):
    loop = asyncio.get_event_loop()
    print("  ", tag, "get_event_loop is running loop", loop is asyncio.get_running_loop(), "closed", loop.is_closed())
    await asyncio.sleep(0)
    seen[tag] = loop
    return tag


def main():
    section("test_asyncio_run_return")
    print("  result", repr(asyncio.run(returns_42())))

    section("test_asyncio_run_raises")
    try:
        asyncio.run(raises_spam())
    except ValueError as e:
        print("  raised", type(e).__name__, repr(str(e)))

    section("test_asyncio_run_only_coro")
    try:
        asyncio.run(1)
    except (ValueError, TypeError) as e:
        print("  rejected, message says 'a coroutine' and 'was expected':", "a coroutine" in str(e) and "was expected" in str(e))

    section("test_asyncio_run_debug")
    print("  debug=False ->", asyncio.run(debug_of_loop("debug=False"), debug=False))
    print("  debug=True ->", asyncio.run(debug_of_loop("debug=True"), debug=True))
    print("  default ->", asyncio.run(debug_of_loop("default")))

    section("test_asyncio_run_from_running_loop")
    print("  outer ->", repr(asyncio.run(nested_run())))

    section("test_asyncio_run_set_event_loop")
    print("  first ->", asyncio.run(record_loop("first")))
    print("  second ->", asyncio.run(record_loop("second")))
    print("  two loops differ", seen["first"] is not seen["second"],
          "both closed", seen["first"].is_closed(), seen["second"].is_closed())


main()
