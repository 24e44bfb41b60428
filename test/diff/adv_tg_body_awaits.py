import asyncio

# A TaskGroup body that awaits its own children (directly, through gather, wait, shield,
# wait_for) while one fails: does the body see the child's error or the group's cancellation?

def fmt(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(fmt(x) for x in e.exceptions) + "]"
    return type(e).__name__ + "(" + repr(str(e)) + ")"
async def ticks(n):
    for _ in range(n): await asyncio.sleep(0)
async def failing(msg, n=1):
    await ticks(n); raise ValueError(msg)
async def slp(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(" ", name, "cancelled"); raise
async def run(label, fn):
    print("--", label)
    me = asyncio.current_task()
    try:
        await fn()
    except BaseException as e:
        print("  raised", fmt(e), "same twice", isinstance(e, BaseExceptionGroup) and len(e.exceptions) == 2 and e.exceptions[0] is e.exceptions[1])
    print("  cancelling", me.cancelling())
async def main():
    async def f1():
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(failing("c"))
            try:
                await c
            except BaseException as e:
                print("  body await child ->", fmt(e)); raise
    await asyncio.create_task(run("body awaits the failing child", f1))
    async def f2():
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(failing("c"))
            d = tg.create_task(slp("d"))
            try:
                await asyncio.gather(c, d)
            except BaseException as e:
                print("  body gather ->", fmt(e)); raise
    await asyncio.create_task(run("body gathers the children", f2))
    async def f3():
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(failing("c"))
            d = tg.create_task(slp("d"))
            try:
                done, pending = await asyncio.wait([c, d], return_when=asyncio.FIRST_EXCEPTION)
                print("  body wait ->", len(done), len(pending))
            except BaseException as e:
                print("  body wait ->", fmt(e)); raise
            await ticks(1)
    await asyncio.create_task(run("body waits FIRST_EXCEPTION", f3))
    async def f4():
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(failing("c"))
            try:
                await asyncio.shield(c)
            except BaseException as e:
                print("  body shield ->", fmt(e)); raise
    await asyncio.create_task(run("body awaits shield(child)", f4))
    async def f5():
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(failing("c"))
            try:
                await asyncio.wait_for(c, 5)
            except BaseException as e:
                print("  body wait_for ->", fmt(e)); raise
    await asyncio.create_task(run("body wait_for(child)", f5))
    async def f6():
        async with asyncio.TaskGroup() as tg:
            try:
                tg.create_task(42)
            except TypeError as e:
                # the text after "got" is the value's description (JavaScript values differ)
                print("  TypeError", str(e).startswith("a coroutine was expected, got "), repr(tg))
            tg.create_task(ticks(1))
        print("  group fine", repr(tg))
    await asyncio.create_task(run("create_task of a non-coroutine", f6))
asyncio.run(main())
