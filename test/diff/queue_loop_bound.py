import asyncio

q = asyncio.Queue()   # created outside any loop


async def first():
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("first: timed out (q is now bound to this loop)")
    q.put_nowait("a")
    print("first: got", await q.get())


async def second():
    # operations that do not wait never look at the loop
    q.put_nowait(1)
    print("second: got", await q.get())
    try:
        await q.get()
    except RuntimeError as e:
        print("second: RuntimeError", "is bound to a different event loop" in str(e))
    print("second: qsize", q.qsize(), "empty", q.empty())
    q.put_nowait(2)
    print("second: still usable", q.get_nowait())
    # join() waits on its own Event, bound separately; a fresh queue binds to this loop
    r = asyncio.Queue()
    t = asyncio.create_task(r.get())
    await asyncio.sleep(0)
    r.put_nowait("fresh")
    print("second: fresh queue", await t)


asyncio.run(first())
asyncio.run(second())
