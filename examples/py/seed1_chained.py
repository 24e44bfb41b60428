# shared/seeds/001: chained coroutines. Sleeps scaled by SCALE.
import asyncio

SCALE = 0.01

async def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    await asyncio.sleep(1.0 * SCALE)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(print_sum(1, 2))
loop.close()
