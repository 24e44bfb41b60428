import asyncio

# Where run_until_complete()'s own done callback (_run_until_complete_cb, which stops the loop)
# sits among the awaited future's done callbacks: after those added before the run, before
# those added during it (by a callback, by the task itself via current_task(), by another
# task); all of them run in the iteration that completes the future, also the ones after the
# stop; what they schedule runs only in the next run (before that run's own work); a done
# callback that raises in that iteration; a done callback added after the run returned is
# scheduled at once and runs at the start of the next run.
loop = asyncio.new_event_loop()


def log(*args):
    print("  ", *args)


def handler(lp, ctx):
    log("handler:", type(ctx["exception"]).__name__, str(ctx["exception"]))


loop.set_exception_handler(handler)


def cb(tag):
    def done(fut):
        log("done callback", tag, "| running:", loop.is_running())
        loop.call_soon(log, "scheduled by", tag)
    return done


def bad(fut):
    raise ValueError("done callback failed")


def ruc(label, aw):
    print("run_until_complete:", label)
    try:
        print("   ->", repr(loop.run_until_complete(aw)))
    except (Exception, asyncio.CancelledError) as e:
        print("   raised", type(e).__name__, repr(str(e)))


print("-- 1 a future")
f = loop.create_future()
f.add_done_callback(cb("before-1"))
f.add_done_callback(bad)
f.add_done_callback(cb("before-2"))


def during():
    f.add_done_callback(cb("during"))
    loop.call_soon(f.set_result, "F")


loop.call_soon(during)
ruc("f", f)
loop.call_soon(log, "queued between runs")
f.add_done_callback(cb("after the run"))
loop.call_soon(loop.stop)
print("run_forever")
loop.run_forever()


async def self_aware(n):
    me = asyncio.current_task()
    me.add_done_callback(cb("added by the task itself"))
    await asyncio.sleep(0)
    log("task finishing")
    return n


async def adder(t):
    t.add_done_callback(cb("added by another task"))
    log("adder added its callback")


print("-- 2 a coroutine")
c = self_aware(7)
loop.call_soon(log, "first callback of the run")
ruc("self_aware", c)
loop.call_soon(loop.stop)
print("run_forever")
loop.run_forever()

print("-- 3 a task with callbacks from everywhere")
t = loop.create_task(self_aware(8))
t.add_done_callback(cb("before the run"))
loop.create_task(adder(t))
ruc("task", t)
loop.call_soon(loop.stop)
print("run_forever")
loop.run_forever()

print("-- 4 a failing task")


async def failing():
    asyncio.current_task().add_done_callback(cb("failing's own"))
    await asyncio.sleep(0)
    raise LookupError("task failed")


ruc("failing", failing())
loop.call_soon(loop.stop)
print("run_forever")
loop.run_forever()
loop.close()
