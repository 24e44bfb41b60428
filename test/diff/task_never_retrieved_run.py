import asyncio
import gc

reports = []


def handler(loop, context):
    exc = context.get("exception")
    task = context.get("future")
    reports.append((context["message"], str(exc), task.get_name()))


class AppError(Exception):
    pass


async def fails(msg):
    raise AppError(msg)


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.get_running_loop().create_task(fails("nobody looks"), name="lonely")
    t = asyncio.get_running_loop().create_task(fails("looked at"), name="watched")
    await asyncio.sleep(0.005)
    print("watched failed with", type(t.exception()).__name__)
    del t
    gc.collect()
    return "main result"


print("run ->", asyncio.run(main()))
gc.collect()
print("reports", reports)
