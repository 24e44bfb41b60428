# A task awaits a future of another loop: RuntimeError thrown in at the await on its next step
# (a callback queued just before the await runs first); the task stays current and cancellable.
import asyncio

log = []

async def body(fut):
    me = asyncio.current_task()
    asyncio.get_running_loop().call_soon(log.append, "cb")
    try:
        await fut
    except RuntimeError as e:
        print("caught", type(e).__name__, "log", log)
    print("current is me:", asyncio.current_task() is me)
    try:
        await asyncio.sleep(0.05)
        print("slept, not cancelled")
    except asyncio.CancelledError as e:
        print("cancelled at its await", type(e).__name__, e)
        raise

async def main():
    other = asyncio.new_event_loop()
    t = asyncio.create_task(body(other.create_future()), name="body")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel ->", t.cancel("stop"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("await t:", type(e).__name__, e)
    print("cancelled:", t.cancelled())
    other.close()

asyncio.run(main())
