# shared/seeds/000 (Dot Net Perls, "asyncio Example"). Python 3.11 removed @asyncio.coroutine;
# @types.coroutine keeps the generator-based "yield from" style. Sleeps scaled by SCALE.
import asyncio
import types

SCALE = 0.01

@types.coroutine
def logic(max):
    # This method runs some logic in a loop.
    # ... The max is specified as an argument.
    count = 0
    for i in range(1, max):
        count += i
        count = count / i
        # Provide a chance to run other methods.
        yield from asyncio.sleep(1 * SCALE)
    # Finished.
    print("Logic result", max, count)

# Get our event loop.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# Call logic method four times.
tasks = [
    asyncio.ensure_future(logic(5)),
    asyncio.ensure_future(logic(20)),
    asyncio.ensure_future(logic(10)),
    asyncio.ensure_future(logic(1))]
# Run until all logic methods have completed.
# ... The sleep call will allow all to run in parallel.
loop.run_until_complete(asyncio.gather(*tasks))
loop.close()
