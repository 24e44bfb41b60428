import asyncio

# CPython test_pep492.CoroutineTests.test_async_def_coroutines and test_types_coroutine, taken
# further: a chain of coroutines awaiting each other (a value returned up three levels, an
# exception raised up three levels and caught on the way), awaiting things that are already
# done (a coroutine that never suspends, a done future, a finished task) does not give up the
# step: a callback queued before runs only at the first real suspension; each run once in
# production mode and once in debug mode, with the same trace.

log = []


def note(*args):
    print("  ", *args)


async def leaf(v):
    return v * 2


async def middle(v):
    return await leaf(v) + 1


async def top(v):
    return await middle(v) * 10


async def leaf_fails(msg):
    raise KeyError(msg)


async def middle_fails(msg):
    try:
        await leaf_fails(msg)
    finally:
        note("middle finally runs")


async def top_catches(msg):
    try:
        await middle_fails(msg)
    except KeyError as e:
        note("top caught", type(e).__name__, repr(e.args[0]))
        return "recovered"


async def main(mode):
    loop = asyncio.get_running_loop()
    print("== test_async_def_coroutines (%s): debug %s" % (mode, loop.get_debug()))
    note("top(4) ->", await top(4))
    note("top_catches ->", await top_catches("k"))

    print("== test_types_coroutine (%s): awaiting what is done does not suspend" % mode)
    loop.call_soon(note, "queued callback runs")
    note("no-suspend coroutine ->", await leaf(21))
    f = loop.create_future()
    f.set_result("ready")
    note("done future ->", await f)
    t = asyncio.create_task(leaf(5))
    await asyncio.sleep(0)
    note("finished task", t.done(), "->", await t)
    loop.call_soon(note, "second queued callback runs")
    note("still before it:", await leaf(1))
    await asyncio.sleep(0)
    note("after sleep(0)")
    return mode


def run_mode(mode, debug):
    loop = asyncio.new_event_loop()
    loop.set_debug(debug)
    print("result", loop.run_until_complete(main(mode)))
    loop.close()


run_mode("production", False)
run_mode("debug", True)
