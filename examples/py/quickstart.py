# The Python original of examples/quickstart.mjs. Sleeps scaled by SCALE.
import asyncio

SCALE = 0.01

async def logic(max):
    count = 0
    for i in range(1, max):
        count += i
        count /= i
        await asyncio.sleep(1 * SCALE)
    print("Logic result", max, count)

async def say(what, when):
    await asyncio.sleep(when * SCALE)
    print(what)

async def main():
    await asyncio.gather(logic(5), logic(20), say("hi", 0.5))

asyncio.run(main())
