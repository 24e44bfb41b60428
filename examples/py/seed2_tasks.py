# shared/seeds/002: creating tasks, and stopping the loop. The seed's "Creating tasks" example
# calls run_forever() with nothing to stop it, so it never ends; here the stop_after() of the
# seed's "Stopping loop" example ends both. Sleeps scaled by SCALE.
import asyncio

SCALE = 0.05

async def say(what, when):
    await asyncio.sleep(when * SCALE)
    print(what)

async def stop_after(loop, when):
    await asyncio.sleep(when * SCALE)
    loop.stop()

# Creating tasks (stopped once both have printed)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(say('first hello', 2))
loop.create_task(say('second hello', 1))
loop.create_task(stop_after(loop, 3))
loop.run_forever()
loop.close()

# Stopping loop
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.create_task(say('first hello', 2))
loop.create_task(say('second hello', 1))
loop.create_task(say('third hello', 4))
loop.create_task(stop_after(loop, 3))
loop.run_forever()
loop.close()
