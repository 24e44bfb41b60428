import asyncio

# Coroutine objects that are handed to a call which refuses them, or never awaited at all:
# asyncio.run() and run_until_complete() inside a running loop, create_task() on a closed loop,
# wait() of a coroutine, and a TaskGroup's create_task() while the group is shutting down all
# raise before touching the coroutine, so its body has not run and a later await runs it
# normally; ensure_future() on a closed loop (which refuses an awaitable too) closes it, so a
# later await raises 'cannot reuse already awaited coroutine'. A coroutine made in a callback,
# one returned (not awaited) as a task's result, one passed to a task as an argument: their
# bodies run only where they are finally awaited, in that task. Coroutines never awaited never
# run, and the loop shuts down normally around them.

ran = []


async def work(tag):
    t = asyncio.current_task()
    ran.append(tag + "@" + (t.get_name() if t else "-"))
    await asyncio.sleep(0)
    return "w-" + tag


class Aw:
    def __await__(self):
        return (yield from asyncio.sleep(0, "aw").__await__())


async def failer():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def maker(tag):
    await asyncio.sleep(0)
    return work(tag)


async def consumer(c):
    await asyncio.sleep(0)
    return await c


def show(label, c_result):
    print(label, "->", c_result, "ran", ran)
    del ran[:]


async def main():
    loop = asyncio.get_running_loop()
    asyncio.current_task().set_name("main")
    never = [work("never-%d" % i) for i in range(3)]
    print("three coroutines made, never awaited; ran", ran)

    c = work("run")
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("run() refused:", repr(str(e)), "ran", ran)
    show("awaited afterwards", await c)

    c = work("ruc")
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("run_until_complete() refused:", repr(str(e)), "ran", ran)
    show("awaited afterwards", await c)

    other = asyncio.new_event_loop()
    other.close()
    c = work("closed")
    try:
        other.create_task(c)
    except RuntimeError as e:
        print("create_task() on a closed loop refused:", repr(str(e)), "ran", ran)
    show("awaited afterwards", await c)
    c = work("ensure")
    try:
        asyncio.ensure_future(c, loop=other)
    except RuntimeError as e:
        print("ensure_future() on a closed loop refused:", repr(str(e)), "ran", ran)
    try:
        await c
    except RuntimeError as e:
        print("but it closed the coroutine: awaiting it ->", repr(str(e)), "ran", ran)
    try:
        asyncio.ensure_future(Aw(), loop=other)
    except RuntimeError as e:
        print("ensure_future() of an awaitable on a closed loop refused:", repr(str(e)))
    done = loop.create_future()
    done.set_result("d")
    print("ensure_future() of a future: the future itself", asyncio.ensure_future(done) is done)

    c = work("wait")
    try:
        await asyncio.wait([c])
    except TypeError:
        print("wait() refused it (TypeError), ran", ran)
    show("awaited afterwards", await asyncio.create_task(c, name="late"))

    c = work("tg")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failer(), name="failer")
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("group body cancelled")
                try:
                    tg.create_task(c)
                except RuntimeError as e:
                    print("create_task() refused:", repr(str(e)))
    except* ValueError as eg:
        print("group failed with", [str(e) for e in eg.exceptions])
    show("awaited afterwards", await c)

    print("== made in a callback, awaited by a task")
    box = []
    loop.call_soon(lambda: box.append(work("from-cb")))
    await asyncio.sleep(0)
    print("made, ran", ran)
    show("task got", await asyncio.create_task(consumer(box[0]), name="consumer"))

    print("== returned by a task without being awaited")
    t = asyncio.create_task(maker("made"), name="maker")
    inner = await t
    print("task result is a coroutine", asyncio.iscoroutine(inner), "ran", ran)
    show("main awaited it", await inner)

    print("== passed to a task as an argument")
    c = work("passed")
    t1 = asyncio.create_task(consumer(c), name="first")
    await asyncio.sleep(0)
    print("first task has it, ran", ran)
    show("first task got", await t1)
    print("still never awaited:", len(never), "ran", ran)


asyncio.run(main())
print("after run, ran", ran)
