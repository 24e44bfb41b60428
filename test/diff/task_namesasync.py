import asyncio


async def noop(tag=None):
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    me = asyncio.current_task()
    print("main", me.get_name())
    t1 = asyncio.create_task(noop())
    t2 = asyncio.get_running_loop().create_task(noop(), name="custom")
    t3 = asyncio.create_task(noop())
    print("created", t1.get_name(), t2.get_name(), t3.get_name())
    t3.set_name("renamed")
    t1.set_name(42)
    print("after set_name", repr(t1.get_name()), repr(t3.get_name()))
    print("seen inside", await t1, await t2, await t3)

    t4 = asyncio.get_running_loop().create_task(noop(), name=7)
    print("non-string name", repr(t4.get_name()))
    await t4

    print("gather names", await asyncio.gather(noop(), noop()))
    t5 = asyncio.create_task(noop())
    print("after gather", t5.get_name())
    t6 = asyncio.ensure_future(noop())
    print("ensure_future", t6.get_name())
    await asyncio.gather(t5, t6)

    loop = asyncio.get_running_loop()
    t7 = loop.create_task(noop())
    print("loop.create_task", t7.get_name())
    t8 = loop.create_task(noop(), name="via-loop")
    print("loop.create_task named", t8.get_name())
    t9 = loop.create_task(noop())
    print("next unnamed", t9.get_name())
    await t7
    await t9
    await t8
    t7.set_name("after-done")
    print("rename done task", t7.get_name())
    me.set_name("main-renamed")
    print("main renamed", asyncio.current_task().get_name())


asyncio.run(main())
