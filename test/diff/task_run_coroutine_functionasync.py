import asyncio


first = True


async def main():
    global first
    if first:
        print("main runs in", asyncio.current_task().get_name())
    first = False
    await asyncio.sleep(0)
    return "main result"


print("run ->", asyncio.run(main()))
print("run again ->", asyncio.run(main()))
