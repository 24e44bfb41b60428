import asyncio

# Python 3.11's asyncio.run() runs two shutdown coroutines as tasks (shutdown_asyncgens and
# shutdown_default_executor), which take Task-N numbers: the next run's main task is Task-4.


async def main():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


print("first run", asyncio.run(main()))
print("second run", asyncio.run(main()))
