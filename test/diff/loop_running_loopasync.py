import asyncio

def check(where):
    try:
        lp = asyncio.get_running_loop()
        print(where, "running loop:", names.get(id(lp), "?"))
    except RuntimeError as e:
        print(where, type(e).__name__, str(e))

loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()
names = {id(loop): "loop", id(other): "other"}
check("module level")

def cb(tag):
    check("callback " + tag)
    print("  get_event_loop() is the running loop:", asyncio.get_event_loop() is asyncio.get_running_loop())

async def coro(tag):
    check("task " + tag + " before await")
    await asyncio.sleep(0.02)
    check("task " + tag + " after await")
    loop_in = asyncio.get_running_loop()
    fut = loop_in.create_future()
    loop_in.call_soon(fut.set_result, tag)
    return await fut

loop.call_soon(cb, "1")
loop.call_later(0.005, cb, "timer")
print(loop.run_until_complete(coro("A")))
check("between runs")
other.call_soon(cb, "2")
print(other.run_until_complete(coro("B")))
check("after other")

# a future's done callback sees the loop it runs on
fut = loop.create_future()
fut.add_done_callback(lambda f: check("done callback"))
loop.call_soon(fut.set_result, None)
loop.run_until_complete(fut)
# the default loop does not count as running
asyncio.set_event_loop(loop)
check("default loop set, not running")
print("get_event_loop() returns the default loop", asyncio.get_event_loop() is loop)
other.close()
loop.close()
check("after close")
