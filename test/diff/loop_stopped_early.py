import asyncio

loop = asyncio.new_event_loop()

# stop() while run_until_complete waits: RuntimeError, the future stays pending
fut = loop.create_future()
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print("RuntimeError", str(e))
print("fut done", fut.done(), "running", loop.is_running())

# the same future can be awaited again by a later run
loop.call_later(0.01, fut.set_result, "late")
print("second run", loop.run_until_complete(fut))

# a task interrupted by stop() keeps its state and finishes on the next run
async def steps():
    for i in range(3):
        print("step", i)
        await asyncio.sleep(0)
    return "steps done"

def stop_after(n):
    # stop the loop n iterations from now (deterministic, unlike a timer)
    if n == 0:
        loop.stop()
    else:
        loop.call_soon(stop_after, n - 1)

task = loop.create_task(steps())
loop.call_soon(stop_after, 1)
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print("RuntimeError", str(e))
print("task done", task.done())
print("resumed", loop.run_until_complete(task))

# stop() before run_until_complete: one iteration, then the same error
fut2 = loop.create_future()
loop.call_soon(print, "the one iteration")
loop.stop()
try:
    loop.run_until_complete(fut2)
except RuntimeError as e:
    print("RuntimeError", str(e))

# ...unless the future completes in that iteration
fut3 = loop.create_future()
loop.call_soon(fut3.set_result, "in time")
loop.stop()
print("fut3", loop.run_until_complete(fut3))
loop.close()
