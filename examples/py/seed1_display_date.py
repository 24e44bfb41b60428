# shared/seeds/001: coroutine displaying the current date/time for 5 seconds (scaled by SCALE;
# the example's test compares the number and shape of the lines, since the times differ).
import asyncio
import datetime

SCALE = 0.05

async def display_date(loop):
    end_time = loop.time() + 5.0 * SCALE
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0 * SCALE) >= end_time:
            break
        await asyncio.sleep(1 * SCALE)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# Blocking call which returns the display_date() coroutine is done
loop.run_until_complete(display_date(loop))
loop.close()
