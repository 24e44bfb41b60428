import asyncio
import re

# A task awaiting futures and tasks of another loop. Done ones (a result, an exception, a
# cancellation with a message, a task that ran to completion on the other loop) give their
# outcome at once, with no suspension and no loop check, as awaiting any done future does.
# Pending ones: RuntimeError thrown in at the task's next step, from two coroutines deep; the
# task then goes on (its cancelling() untouched, a later cancel() delivered as usual). shield()
# and gather() of a pending foreign future make their outer on the other loop (the await fails
# the same way); shield() of a done one returns it. A cancel() queued before the await of a
# pending one runs first: the CancelledError replaces the RuntimeError. Reprs with locations
# stripped.

other = asyncio.new_event_loop()
ticks = 0


def clean(s):
    return re.sub(r" (running at|done, defined at|at) \S+:\d+", "", s)


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def made_on_other(v):
    await asyncio.sleep(0)
    return v


async def inner(aw):
    t0 = ticks
    try:
        r = await aw
        print("    got", repr(r), "ticks", ticks - t0)
    except RuntimeError as e:
        print("    RuntimeError", clean(str(e)), "ticks", ticks - t0)
    except ValueError as e:
        print("    ValueError", repr(str(e)), "ticks", ticks - t0)
    except asyncio.CancelledError as e:
        print("    CancelledError", repr(str(e)), "ticks", ticks - t0, "cancelling", asyncio.current_task().cancelling())


async def outer(aws):
    for label, aw in aws:
        print("  ", label)
        if label.startswith("cancel queued"):
            asyncio.get_running_loop().call_soon(asyncio.current_task().cancel, "queued first")
        await inner(aw)
    me = asyncio.current_task()
    print("  after all: cancelling", me.cancelling(), "current is me", asyncio.current_task() is me)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("  cancelled afterwards", repr(str(e)), "cancelling", me.cancelling())
        raise


async def main():
    loop = asyncio.get_running_loop()
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    fd = other.create_future()
    fd.set_result("done on other")
    fe = other.create_future()
    fe.set_exception(ValueError("failed on other"))
    fc = other.create_future()
    fc.cancel("cancelled on other")
    fp = other.create_future()
    fp2 = other.create_future()
    aws = [
        ("done future", fd),
        ("failed future", fe),
        ("cancelled future", fc),
        ("task finished on other", done_task),
        ("pending future", fp),
        ("shield of pending", asyncio.shield(fp2)),
        ("gather of pending", asyncio.gather(fp2)),
        ("shield of done", asyncio.shield(fd)),
        ("done future again", fd),
        ("cancel queued, then a pending future", fp),
    ]
    t = asyncio.create_task(outer(aws), name="T")
    for _ in range(10):
        await asyncio.sleep(0)
    print("T", clean(repr(t)))
    print("cancel ->", t.cancel("stop T"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("T ended", repr(str(e)))
    print("foreign ones untouched:", fp.done(), fp2.done(), fd.result())
    tk.cancel()
    print("loop goes on", await asyncio.sleep(0, "ok"))


done_task = other.create_task(made_on_other("other's value"), name="O")
other.run_until_complete(done_task)
print("O", clean(repr(done_task)))
asyncio.run(main())
other.close()
