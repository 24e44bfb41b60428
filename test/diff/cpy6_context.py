# CPython test_tasks.py, contextvars and tasks, as printed traces:
# test_context_3 (many tasks in parallel, each setting the variable before every sleep and
# finding its own value after it; here 30 tasks with deterministic sleeps instead of random
# ones) and test_context_2 (a task's sets last across awaits of a future completed by a
# call_soon callback and across sleeps; its done-callback part, a set inside a callback added
# by the task, is left out: aionode shares the step's context with such a callback, a documented
# difference). test_context_1 is what adv_ctx_task_copy prints; test_context_4..6 need
# create_task(context=), which aionode does not have. (aionode twin: AsyncLocalStorage,
# var.set <-> als.enterWith.)
import asyncio
import contextvars

cvar = contextvars.ContextVar("cvar", default=-1)


async def sub(num, k, log):
    bad = 0
    for i in range(10):
        cvar.set(num + i)
        d = (k * 7 + i * 3) % 5
        if d == 0:
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(d * 0.002)
        if cvar.get() != num + i:
            bad += 1
    log.append(k)
    return bad


async def main3(loop):
    print("main starts with", cvar.get())
    log = []
    tasks = [loop.create_task(sub(k % 11, k, log)) for k in range(30)]
    results = await asyncio.gather(*tasks)
    print("mismatches", sum(results), "tasks finished", len(log), "main sees", cvar.get())


async def main2(loop):
    print("main starts with", cvar.get())
    for j in range(2):
        fut = loop.create_future()
        cvar.set(f"yes{j}")
        loop.call_soon(fut.set_result, None)
        await fut
        print("after the future", cvar.get())
        for i in range(3):
            cvar.set(f"yes{i}-{j}")
            await asyncio.sleep(0.001)
            print("after a sleep", cvar.get())
    return cvar.get()


print("== test_context_3")
loop = asyncio.new_event_loop()
loop.run_until_complete(main3(loop))
print("outside", cvar.get())

print("== test_context_2")
print("main ->", loop.run_until_complete(loop.create_task(main2(loop))))
print("outside", cvar.get())
loop.close()
