# shared/seeds/001: the beginner hello world script.
import asyncio

async def hello_world():
    print("hello world!")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# blocking call which returns when the hello_world() coroutine is done
loop.run_until_complete(hello_world())
loop.close()
