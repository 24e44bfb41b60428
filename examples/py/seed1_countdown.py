# shared/seeds/001 ("Python - Asynchronous Programming"): the generator-based countdown.
# Python 3.11: @types.coroutine replaces the removed @asyncio.coroutine, and asyncio.wait()
# takes tasks (passing bare coroutines was removed), so the coroutines are wrapped with
# ensure_future. Sleeps scaled by SCALE.
import asyncio
import types

SCALE = 0.05

@types.coroutine
def my_coroutine(task_name, seconds_to_sleep=3):
    print('{0} sleeping for: {1} seconds'.format(task_name, seconds_to_sleep))
    yield from asyncio.sleep(seconds_to_sleep * SCALE)
    print('{0} is finished'.format(task_name))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
tasks = [
    asyncio.ensure_future(my_coroutine('task1', 4)),
    asyncio.ensure_future(my_coroutine('task2', 3)),
    asyncio.ensure_future(my_coroutine('task3', 2))]

loop.run_until_complete(asyncio.wait(tasks))
loop.close()
