# shared/seeds/003, Examples #3 and #4 (the same program): create_task + run_until_complete, and
# the result read after the loop is closed. Sleeps scaled by SCALE.
import asyncio

SCALE = 0.01

async def sample_task(task_seconds):
    print('Task takes {} seconds to complete'.format(task_seconds))
    await asyncio.sleep(task_seconds * SCALE)
    return 'task has been completed'

if __name__ == '__main__':
    sample_event = asyncio.new_event_loop()
    asyncio.set_event_loop(sample_event)
    try:
        print('Creation of tasks started')
        task_object_loop = sample_event.create_task(sample_task(task_seconds=3))
        sample_event.run_until_complete(task_object_loop)
    finally:
        sample_event.close()
    print("Task status: {}".format(task_object_loop.result()))
