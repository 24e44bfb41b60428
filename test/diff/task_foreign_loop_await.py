import asyncio

# The message embeds Python reprs of the task and the future, which differ by design: print the fixed parts.


async def await_foreign(fut):
    try:
        await fut
    except RuntimeError as e:
        msg = str(e)
        print("foreign await raised", type(e).__name__, msg.startswith("Task "), msg.endswith("attached to a different loop"))
        return "foreign handled"


async def main():
    other = asyncio.new_event_loop()
    fut = other.create_future()
    print("->", await asyncio.create_task(await_foreign(fut)))
    print("foreign future still pending", not fut.done())
    other.close()


asyncio.run(main())
