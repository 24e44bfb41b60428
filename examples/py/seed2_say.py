# shared/seeds/002: simple coroutine. Sleeps scaled by SCALE.
import asyncio

SCALE = 0.01

async def say(what, when):
    await asyncio.sleep(when * SCALE)
    print(what)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(say('hello world', 1))
loop.close()
