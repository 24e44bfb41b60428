import asyncio

# current_task() identity around callbacks: None inside call_soon / call_later / call_at
# callbacks a task scheduled, inside done callbacks of futures and tasks (added by a task), in a
# callback scheduled by a callback; the new task inside a task a callback created; the awaiting
# task inside awaited coroutines, timeout and TaskGroup bodies; each child inside gather / wait_for
# / TaskGroup children; the task again after every kind of await. The scenario runs twice (the
# aionode twins turn trackAsyncTasks(true) on for the second round).

def cur():
    t = asyncio.current_task()
    return "None" if t is None else t.get_name()

async def inner(log, label):
    log.append(f"{label} inner {cur()}")
    await asyncio.sleep(0)
    log.append(f"{label} inner after sleep {cur()}")
    return cur()

async def named(log, label):
    log.append(f"{label} {cur()}")
    await asyncio.sleep(0)
    return cur()

async def anon(log, label):
    # a child task with a default name: is it the awaiting task?
    me = asyncio.current_task()
    log.append(f"{label} is main {me is main_task} is None {me is None}")
    await asyncio.sleep(0)
    return asyncio.current_task() is me

async def main(rnd):
    loop = asyncio.get_running_loop()
    log = []
    me = asyncio.current_task()
    me.set_name(f"main{rnd}")
    global main_task
    main_task = me
    loop.call_soon(lambda: log.append(f"call_soon {cur()}"))
    loop.call_later(0, lambda: log.append(f"call_later {cur()}"))
    loop.call_at(loop.time(), lambda: log.append(f"call_at {cur()}"))
    def chained():
        log.append(f"chained first {cur()}")
        loop.call_soon(lambda: log.append(f"chained second {cur()}"))
    loop.call_soon(chained)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: log.append(f"future done cb {cur()}"))
    child = asyncio.create_task(named(log, "child"), name=f"child{rnd}")
    child.add_done_callback(lambda f: log.append(f"child done cb {cur()}"))
    loop.call_soon(fut.set_result, 1)
    for _ in range(5):
        await asyncio.sleep(0)
    log.append(f"main after sleep {cur()}")
    # a task created inside a callback
    box = loop.create_future()
    def spawn():
        log.append(f"spawn cb {cur()}")
        box.set_result(asyncio.create_task(named(log, "spawned"), name=f"spawned{rnd}"))
    loop.call_soon(spawn)
    t = await box
    log.append(f"spawned -> {await t}; main {cur()}")
    # awaited coroutines and bodies run in the awaiting task
    log.append(f"inner -> {await inner(log, 'direct')}")
    async with asyncio.timeout(5):
        log.append(f"timeout body {cur()}")
        await asyncio.sleep(0)
        log.append(f"timeout body after sleep {cur()}")
    async with asyncio.TaskGroup() as tg:
        log.append(f"taskgroup body {cur()}")
        tg.create_task(named(log, "tg child"), name=f"tgchild{rnd}")
        await asyncio.sleep(0)
    r = await asyncio.gather(anon(log, "gather a"), anon(log, "gather b"))
    log.append(f"gather -> {r} {cur()}")
    w = await asyncio.wait_for(anon(log, "wait_for"), 5)
    log.append(f"wait_for -> {w} {cur()}")
    s = await asyncio.shield(anon(log, "shield"))
    log.append(f"shield -> {s} {cur()}")
    log.append(f"main end {cur()}")
    for line in log:
        print(rnd, line)

main_task = None
asyncio.run(main(1))
asyncio.run(main(2))
