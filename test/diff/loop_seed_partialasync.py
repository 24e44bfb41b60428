import asyncio
import functools

# After the "Python Async" tutorial examples #2 and #3: call_soon with functools.partial,
# loop.stop() from a callback, then create_task + run_until_complete on the default loop.

def event_handler(loop, stop=False):
    print('Calling event handler')
    if stop:
        print('Loop is being stopped')
        loop.stop()

loop = asyncio.get_event_loop()
try:
    loop.call_soon(functools.partial(event_handler, loop))
    print('Loop is being started')
    loop.call_soon(functools.partial(event_handler, loop, stop=True))
    loop.call_soon(functools.partial(print, 'Runs in the same iteration as stop()'))
    loop.run_forever()
finally:
    print('Loop is being closed')
    loop.close()
print('closed', loop.is_closed())


async def sample_task(task_seconds):
    print('Task takes {} seconds to complete'.format(task_seconds))
    await asyncio.sleep(task_seconds)
    return 'task has been completed'

sample_event = asyncio.new_event_loop()
asyncio.set_event_loop(sample_event)
try:
    print('Creation of tasks started')
    task_object_loop = sample_event.create_task(sample_task(task_seconds=0.01))
    print('done before running', task_object_loop.done())
    sample_event.run_until_complete(task_object_loop)
finally:
    sample_event.close()
print("Task status: {}".format(task_object_loop.result()))
