import asyncio, re

def clean(s):
    # aionode leaves out asyncio's source locations
    return re.sub(r" (running at|done, defined at) [^>]*", "", s)

async def ticks(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def sleeper():
    await asyncio.sleep(10)

async def failing(msg, n=1):
    await ticks(n)
    raise ValueError(msg)

async def inner_group(msg):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(failing(msg), name="inner-" + msg)

async def group_body(holder):
    async with asyncio.TaskGroup() as tg:
        holder["tg"] = tg
        print("entered", repr(tg))
        a = tg.create_task(sleeper(), name="sl")
        print("one task", repr(tg))
        await asyncio.sleep(0)
        print("child", clean(repr(a)))
        tg.create_task(failing("x"), name="ch")
        tg.create_task(inner_group("y"), name="ig")
        print("three tasks", repr(tg))
    print("not reached")

async def main():
    print("-- a group never entered")
    g0 = asyncio.TaskGroup()
    co = sleeper()
    try:
        g0.create_task(co)
    except RuntimeError as e:
        print("RuntimeError", repr(str(e)), repr(g0))
    co.close()

    holder = {}
    t = asyncio.create_task(group_body(holder), name="g")
    await ticks(2)
    print("parent in body", clean(repr(t)))
    await ticks(2)
    print("group while aborting", repr(holder["tg"]))
    try:
        await t
    except BaseException as e:
        print("raised", type(e).__name__, repr(str(e)))
        print("repr", repr(e))
        print("members", [repr(x) for x in e.exceptions])
    print("failed task", clean(repr(t)))
    print("group after", repr(holder["tg"]))

    print("-- exception groups in future reprs")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(t.exception())
    print(clean(repr(f)))
    f2 = loop.create_future()
    f2.set_exception(t.exception().exceptions[1])
    print(clean(repr(f2)))
    f.exception(), f2.exception()

    print("-- the parent waits in the group's exit")
    async def waits_on_exit():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ticks(3), name="tk")
        return "ok"
    w = asyncio.create_task(waits_on_exit(), name="w")
    await ticks(1)
    print("waiting on exit", clean(repr(w)))
    print("result", await w, clean(repr(w)))

    print("-- body error plus child errors")
    async def body_fails():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("c1", 0), name="c1")
            await ticks(2)
    b = asyncio.create_task(body_fails(), name="b")
    try:
        await b
    except ExceptionGroup as eg:
        print("eg repr", repr(eg))
    print("task", clean(repr(b)))

asyncio.run(main())
