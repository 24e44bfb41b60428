import asyncio
import re

# Tasks of a second loop created from inside another loop's task: their Task-N numbers (one
# per-process counter), all_tasks(other) and all_tasks() membership before, while and after
# the second loop runs, current_task(other) from outside it, their reprs before the first
# step and after it, a cancel() requested while the other loop is idle, and the counter
# across a later asyncio.run().


def show(label, obj):
    text = repr(obj)
    text = re.sub(r" (running at|done, defined at|at) \S+:\d+", "", text)
    print(label, text)


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def job(label):
    t = asyncio.current_task()
    print("  job", label, "runs as", t.get_name(), "listed", names(asyncio.all_tasks()))
    await asyncio.sleep(0)
    return label


async def other_main(tasks):
    me = asyncio.current_task()
    print(" other_main is", me.get_name(), "sees", names(asyncio.all_tasks()))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(" other_main results", [r if isinstance(r, str) else type(r).__name__ + ":" + str(r) for r in res])
    print(" other_main sees at the end", names(asyncio.all_tasks()))


async def first(other):
    print("first is", asyncio.current_task().get_name())
    a = other.create_task(job("a"))
    b = other.create_task(job("b"), name="b")
    c = asyncio.ensure_future(job("c"), loop=other)
    print("created on other", a.get_name(), b.get_name(), c.get_name())
    print("all_tasks(other)", names(asyncio.all_tasks(other)))
    print("all_tasks()", names(asyncio.all_tasks()))
    print("current_task(other)", asyncio.current_task(other))
    show("a before its first step", a)
    print("cancel b ->", b.cancel("while idle"), "cancelling", b.cancelling())
    show("b", b)
    mine = asyncio.create_task(job("mine"))
    print("mine", mine.get_name())
    await mine
    return [a, b, c]


other = asyncio.new_event_loop()
tasks = asyncio.run(first(other))
print("after run: all_tasks(other)", names(asyncio.all_tasks(other)))
other.run_until_complete(other_main(tasks))
for t in tasks:
    show("settled", t)
print("all_tasks(other) at the end", names(asyncio.all_tasks(other)))
other.close()


async def later():
    print("later is", asyncio.current_task().get_name())
    t = asyncio.create_task(job("later"))
    await t


asyncio.run(later())
