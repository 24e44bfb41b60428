# shared/seeds/002: the clock example. The seed's print_every_second() loops forever and
# print_every_minute() runs nine minutes; here time is scaled (a "second" is SCALE seconds), the
# seconds are counted from the start instead of accumulating sleep lateness (so the trace does not
# depend on how late each sleep wakes), and the clock stops after the ninth minute.
import asyncio

SCALE = 0.004

async def print_every_second():
    "Print seconds"
    loop = asyncio.get_running_loop()
    start = loop.time()
    n = 0
    while True:
        for i in range(60):
            print(i, 's')
            n += 1
            await asyncio.sleep(max(0, start + n * SCALE - loop.time()))

async def print_every_minute():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(1, 10):
        await asyncio.sleep(max(0, start + (60 * i + 0.5) * SCALE - loop.time()))
        print(i, 'minute')

async def main():
    clock = asyncio.ensure_future(print_every_second())
    await print_every_minute()
    clock.cancel()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
