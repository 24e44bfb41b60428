import asyncio

# A task cancelling itself: where the request is delivered (not at awaits that do not suspend),
# what it does to the task or gather it then awaits, uncancel() afterwards, and a child that
# cancels the very task awaiting it.


async def no_suspend():
    return "no-suspend"


async def child(name):
    print(name, "started")
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print(name, "cancelled", repr(str(e)))
        raise
    return name


async def outcome(label, t):
    try:
        r = await t
        print(label, "result", repr(r), "cancelling", t.cancelling())
    except asyncio.CancelledError as e:
        print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling())


async def through_done_awaits():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    done = loop.create_future()
    done.set_result("done-fut")
    print("cancel self ->", me.cancel("self-1"))
    print("await done future ->", await done)
    print("await coroutine ->", await no_suspend())
    t = asyncio.create_task(no_suspend())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("delivered at sleep(0):", repr(str(e)), "task created meanwhile done:", t.done())
    await asyncio.sleep(0)
    print("t", t.result())
    return "t1"


async def then_uncancel():
    me = asyncio.current_task()
    me.cancel("self-2")
    print("uncancel ->", me.uncancel(), "cancelling", me.cancelling())
    try:
        await asyncio.sleep(0)
        print("not cancelled")
    except asyncio.CancelledError as e:
        print("still delivered:", repr(str(e)), "cancelling", me.cancelling())
    return "t2"


async def then_await_child():
    me = asyncio.current_task()
    c = asyncio.create_task(child("c3"))
    me.cancel("self-3")
    try:
        await c
    except asyncio.CancelledError as e:
        print("awaiting the child raised", repr(str(e)), "child cancelled", c.cancelled(), "child cancelling", c.cancelling())
    return "t3"


async def then_await_gather():
    me = asyncio.current_task()
    a = asyncio.create_task(child("a4"))
    b = asyncio.create_task(child("b4"))
    await asyncio.sleep(0)
    me.cancel("self-4")
    try:
        await asyncio.gather(a, b)
    except asyncio.CancelledError as e:
        print("gather raised", repr(str(e)), "a", a.cancelled(), "b", b.cancelled())
    await asyncio.sleep(0)
    return "t4"


async def then_await_gather_return_exceptions():
    me = asyncio.current_task()
    a = asyncio.create_task(child("a5"))
    me.cancel("self-5")
    try:
        r = await asyncio.gather(a, no_suspend(), return_exceptions=True)
        print("gather returned", r)
    except asyncio.CancelledError as e:
        print("gather raised", repr(str(e)), "a", a.cancelled())
    return "t5"


async def cancels_its_awaiter(awaiter_box):
    await asyncio.sleep(0)
    awaiter = awaiter_box[0]
    me = asyncio.current_task()
    print("child cancels its awaiter ->", awaiter.cancel("from-child"), "awaiter cancelling", awaiter.cancelling(), "child cancelling", me.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("child got it back", repr(str(e)))
        return "child-swallowed"
    return "child-normal"


async def awaits_child(box):
    c = asyncio.create_task(cancels_its_awaiter(box))
    r = await c
    print("awaiter got", repr(r), "cancelling", asyncio.current_task().cancelling())
    try:
        await asyncio.sleep(0)
        print("awaiter not cancelled again")
    except asyncio.CancelledError:
        print("awaiter cancelled later")
        raise
    return "t6"


async def main():
    print("-- self-cancel: awaits that do not suspend do not deliver it")
    await outcome("t1", asyncio.create_task(through_done_awaits()))
    print("-- self-cancel then uncancel (3.11: the request stays pending)")
    await outcome("t2", asyncio.create_task(then_uncancel()))
    print("-- self-cancel then await a new task: the cancel moves to it")
    await outcome("t3", asyncio.create_task(then_await_child()))
    print("-- self-cancel then await gather")
    await outcome("t4", asyncio.create_task(then_await_gather()))
    print("-- self-cancel then await gather(return_exceptions=True)")
    await outcome("t5", asyncio.create_task(then_await_gather_return_exceptions()))
    print("-- a child cancels the task that awaits it")
    box = []
    t = asyncio.create_task(awaits_child(box))
    box.append(t)
    await outcome("t6", t)


asyncio.run(main())
