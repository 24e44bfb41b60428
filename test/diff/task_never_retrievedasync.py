import asyncio
import gc

reports = []


def handler(loop, context):
    exc = context.get("exception")
    fut = context.get("future")
    reports.append((context["message"], type(exc).__name__, str(exc), type(fut).__name__))


async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(fails("lost task"))
    seen = asyncio.create_task(fails("seen via exception()"))
    awaited = asyncio.create_task(fails("seen via await"))
    res = asyncio.create_task(fails("seen via result()"))
    canc = asyncio.create_task(fails("cancel() after failure"))
    f = loop.create_future()
    f.set_exception(ValueError("lost future"))
    g = loop.create_future()
    g.set_exception(ValueError("retrieved future"))
    g.exception()
    await asyncio.sleep(0.01)
    seen.exception()
    try:
        await awaited
    except ValueError:
        pass
    try:
        res.result()
    except ValueError:
        pass
    print("cancel after failure ->", canc.cancel())
    print("main done")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.set_exception_handler(handler)
loop.run_until_complete(main())
gc.collect()
loop.close()
asyncio.set_event_loop(None)
print("closed; reports:")
for r in sorted(reports):
    print(" ", r)
