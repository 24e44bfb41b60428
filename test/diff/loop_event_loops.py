import asyncio

default = asyncio.get_event_loop()
print("default: running", default.is_running(), "closed", default.is_closed())
print("get_event_loop() twice is the same", asyncio.get_event_loop() is default)
print("is an AbstractEventLoop", isinstance(default, asyncio.AbstractEventLoop))

fresh = asyncio.new_event_loop()
print("new_event_loop() is another loop", fresh is not default, asyncio.get_event_loop() is default)
fresh2 = asyncio.new_event_loop()
print("each new_event_loop() is new", fresh2 is not fresh)

asyncio.set_event_loop(fresh)
print("after set_event_loop(fresh)", asyncio.get_event_loop() is fresh)

def inside(tag):
    lp = asyncio.get_event_loop()
    print(tag, "get_event_loop() is fresh2", lp is fresh2, "is fresh", lp is fresh)

# while fresh2 runs, get_event_loop() returns it, whatever the default is
fresh2.call_soon(inside, "in fresh2 callback:")
fresh2.call_soon(fresh2.stop)
fresh2.run_forever()
print("after fresh2 stopped", asyncio.get_event_loop() is fresh)

# module-level helpers bind to the default loop when none runs
async def job():
    await asyncio.sleep(0.001)
    return asyncio.get_running_loop() is fresh

fut = asyncio.ensure_future(job())
print("ensure_future outside a loop uses the default:", fut.get_loop() is fresh)
print("job ran on fresh:", fresh.run_until_complete(fut))

try:
    asyncio.set_event_loop(42)
except TypeError as e:
    print("set_event_loop(42):", type(e).__name__)
print("default unchanged", asyncio.get_event_loop() is fresh)

asyncio.set_event_loop(default)
print("restored", asyncio.get_event_loop() is default)
for lp in (fresh, fresh2, default):
    lp.close()
print("closed", [lp.is_closed() for lp in (fresh, fresh2, default)])
