import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

# 1. a future resolved by a call_later callback
fut = loop.create_future()
loop.call_later(0.05, fut.set_result, 42)
print("future result", loop.run_until_complete(fut), fut.done())

# 2. an already-done future: returns at once
print("done future", loop.run_until_complete(fut))

# 3. a future failed by a callback: run_until_complete raises its exception
fut2 = loop.create_future()
loop.call_later(0.05, fut2.set_exception, ValueError("bad value"))
try:
    loop.run_until_complete(fut2)
except ValueError as e:
    print("raised", type(e).__name__, str(e))

# 4. a task
async def work(x):
    print("work start", x)
    await asyncio.sleep(0.05)
    print("work end", x)
    return x * 10

task = loop.create_task(work(4))
print("task result", loop.run_until_complete(task), task.done())

# 5. a coroutine is wrapped in a task
print("coroutine result", loop.run_until_complete(work(5)))

# 6. a failing task
async def fail():
    await asyncio.sleep(0.025)
    raise KeyError("missing")

t = loop.create_task(fail())
try:
    loop.run_until_complete(t)
except KeyError as e:
    print("task raised", type(e).__name__, str(e), "exception() is e:", t.exception() is e)

# 7. a cancelled task
async def forever():
    await asyncio.sleep(10)

t2 = loop.create_task(forever())
loop.call_later(0.05, t2.cancel)
try:
    loop.run_until_complete(t2)
except asyncio.CancelledError as e:
    print("cancelled", type(e).__name__, t2.cancelled())

# 8. other callbacks keep running while waiting; the run stops after the iteration in which
# the future's done callback (which calls stop()) runs
def ticker(n):
    print("tick", n)
    if n == 2:
        fut3.set_result("fut3")
        loop.call_soon(ticker, 3)  # queued behind the done callback: still runs
    elif n < 2:
        loop.call_later(0.025, ticker, n + 1)
    else:
        loop.call_soon(ticker, n + 1)  # queued after stop(): runs on the next run

fut3 = loop.create_future()
loop.call_soon(ticker, 0)
print("fut3", loop.run_until_complete(fut3))
print("running after", loop.is_running())
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
