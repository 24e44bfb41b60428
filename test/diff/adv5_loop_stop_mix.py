import asyncio

# stop() from tasks and from every other place, with run_forever() and run_until_complete()
# alternating: a task that stops the loop and goes on to its next await (its next step waits for
# the next run), stops and then raises (the run returns and run_until_complete raises the
# task's error), stops and awaits a done future (no suspension: it runs on in the same step);
# stop() from a task's done callback, from the exception handler called by a task, from the
# exception handler called outside the loop (the next run stops after one iteration), twice
# before a run, and from a callback queued after the one that completes the awaited future.
loop = asyncio.new_event_loop()


def log(*args):
    print("  ", *args)


def run(label):
    print("run_forever", label)
    loop.run_forever()
    print("  returned")


def ruc(label, aw):
    print("run_until_complete", label)
    try:
        print("  ->", repr(loop.run_until_complete(aw)))
    except (Exception, asyncio.CancelledError) as e:
        print("  raised", type(e).__name__, repr(str(e)))


def chain(tag, n):
    log(tag, n)
    if n > 0:
        loop.call_soon(chain, tag, n - 1)


async def stop_then_await():
    log("A: stop()")
    asyncio.get_running_loop().stop()
    log("A: still in the same step")
    await asyncio.sleep(0)
    log("A: next step")
    await asyncio.sleep(0)
    log("A: last step")
    return "A done"


loop.call_soon(chain, "x", 3)
a = loop.create_task(stop_then_await(), name="A")
run("1 (A stops it)")
ruc("2 (A)", a)
loop.call_soon(loop.stop)
run("3")


async def stop_then_raise():
    log("B: stop() and raise")
    asyncio.get_running_loop().stop()
    raise ValueError("B failed")


ruc("4 (B)", stop_then_raise())

done = loop.create_future()
done.set_result("ready")


async def stop_then_done_future():
    log("C: stop()")
    asyncio.get_running_loop().stop()
    v = await done
    log("C: awaited a done future without suspending:", v)
    await asyncio.sleep(0)
    log("C: after sleep(0)")
    return "C done"


ruc("5 (C)", stop_then_done_future())
c = [t for t in asyncio.all_tasks(loop)][0]
ruc("6 (C again)", c)


async def short(tag):
    log(tag, "runs")
    return tag


d = loop.create_task(short("D"), name="D")
d.add_done_callback(lambda t: (log("D's done callback stops the loop"), loop.stop()))
loop.call_soon(chain, "y", 3)
run("7 (D's done callback)")


def handler(lp, ctx):
    log("handler:", ctx["message"], "-> stop()")
    lp.stop()


loop.set_exception_handler(handler)


async def reporter():
    log("E: reports")
    asyncio.get_running_loop().call_exception_handler({"message": "from E"})
    log("E: after the report")
    await asyncio.sleep(0)
    log("E: next step")


e = loop.create_task(reporter(), name="E")
run("8 (the handler, called by E)")
loop.call_exception_handler({"message": "from outside the loop"})
loop.call_soon(chain, "z", 2)
run("9 (stop() left by the handler)")
ruc("10 (E)", e)

loop.stop()
loop.stop()
loop.call_soon(chain, "w", 2)
run("11 (two stop() before the run)")
loop.call_soon(loop.stop)
run("12")

f = loop.create_future()
loop.call_soon(f.set_result, "F")
loop.call_soon(loop.stop)
loop.call_soon(log, "same iteration, after the stop")
ruc("13 (completed and stopped in one iteration)", f)
loop.call_soon(chain, "v", 3)
run("14 (the leftover done callback stops it)")
loop.call_soon(loop.stop)
run("15")
loop.close()
print("closed")
